package io.il4j.core.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TableTest {

    @Test
    void alignsTextLeftAndNumbersRight() {
        Table t = new Table("policy", "return", "episodes").decimals(1, 1);
        t.addRow("BC", 812.44, 20);
        t.addRow("DAgger-long-name", -3.0, 5);
        t.addRow("expert", Double.NaN, null);
        String expected = ""
                + "policy            return  episodes\n"
                + "----------------  ------  --------\n"
                + "BC                 812.4        20\n"
                + "DAgger-long-name    -3.0         5\n"
                + "expert               n/a\n";
        assertEquals(expected, t.render());
    }

    @Test
    void defaultNumberFormatKeepsFourSignificantDigits() {
        assertEquals("3.142", Table.formatNumber(Math.PI));
        assertEquals("123.5", Table.formatNumber(123.456));
        assertEquals("0.01230", Table.formatNumber(0.0123));
        assertEquals("1.235e+06", Table.formatNumber(1234567));
        assertEquals("1.000e-05", Table.formatNumber(1e-5));
        assertEquals("0", Table.formatNumber(0));
        assertEquals("-inf", Table.formatNumber(Double.NEGATIVE_INFINITY));
        assertEquals("n/a", Table.formatNumber(Double.NaN));
        assertEquals("2.000 +- 0.5000", Table.plusMinus(2, 0.5));
    }

    @Test
    void titleMarkdownAndExplicitAlignment() {
        Table t = new Table("a", "b").title("Results").align(1, Table.Align.LEFT);
        t.addRow("x|y", 1);
        assertEquals("Results\na    b\n---  -\nx|y  1\n", t.render());
        assertEquals("| a | b |\n| --- | --- |\n| x\\|y | 1 |\n", t.toMarkdown());
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        Table t = new Table("a", "b");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.addRow(1));
        assertTrue(e.getMessage().contains("row 0 has 1 cells; the table has 2 columns"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.decimals(2, 1));
        assertThrows(IllegalArgumentException.class, Table::new);
    }
}
