package de.efa.portal.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/** Amounts in euros as a German form takes them ("1.200,50", "1200", "1200.50") and gives them back. */
public final class Euro {

    private static final Pattern AMOUNT = Pattern.compile("^\\d{1,3}(\\.\\d{3})*(,\\d{1,2})?$|^\\d+([,.]\\d{1,2})?$");

    private Euro() {
    }

    /** Cents, or null when the text is no amount. */
    public static Long parse(String text) {
        String amount = text.replace("€", "").trim();
        if (!AMOUNT.matcher(amount).matches()) {
            return null;
        }
        String plain = amount.contains(",") ? amount.replace(".", "").replace(',', '.') : amount;
        if (!amount.contains(",") && amount.matches("^\\d{1,3}(\\.\\d{3})+$")) {
            plain = amount.replace(".", "");
        }
        return new BigDecimal(plain).movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** The cents of an amount typed into a form; null when nothing was typed, or with a message at the input. */
    public static Long fromInput(String text, String field, FormErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Long cents = parse(text);
        if (cents == null) {
            errors.add(field, "Bitte einen Betrag in Euro angeben, z. B. 1.200,00.");
        }
        return cents;
    }

    /** "1.200,50" for 120050 cents. */
    public static String format(Long cents) {
        if (cents == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        return format.format(BigDecimal.valueOf(cents).movePointLeft(2));
    }
}
