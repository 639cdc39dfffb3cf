package dev.foyer.finance;

/** How an invoice was paid. */
public enum PaymentMethod {
    BANK_TRANSFER, CARD, CASH, CHEQUE, DIRECT_DEBIT, OTHER
}
