package de.efa.tenant.domain;

import java.util.regex.Pattern;

/** The address the marketplace writes to about a tenant's subscriptions. */
public record ContactEmail(String value) {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_LENGTH = 254;

    public ContactEmail {
        if (value == null || value.length() > MAX_LENGTH || !ADDRESS.matcher(value).matches()) {
            throw new IllegalArgumentException("must be an e-mail address");
        }
    }

    public static ContactEmail of(String value) {
        return new ContactEmail(value);
    }
}
