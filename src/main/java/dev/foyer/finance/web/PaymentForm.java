package dev.foyer.finance.web;

import java.io.Serializable;

/** The payment form of an invoice, as typed. */
record PaymentForm(String paidOn, String amount, String method, String reference) implements Serializable {
}
