package de.efa.demoprovider.domain;

import java.util.regex.Pattern;

/** The OSB API versions this broker speaks: every 2.x, since it implements v2.17 and 2.x only ever adds. */
public final class BrokerApiVersion {

    public static final String HEADER = "X-Broker-API-Version";
    public static final String IMPLEMENTED = "2.17";

    private static final Pattern MAJOR_2 = Pattern.compile("2\\.\\d{1,3}");

    private BrokerApiVersion() {
    }

    public static boolean isSupported(String header) {
        return header != null && MAJOR_2.matcher(header.trim()).matches();
    }
}
