/**
 * Financial documents of a company (issue 4, PRODUCT.md §2): quotes, invoices, orders and contracts
 * with line items, totals in exact decimal arithmetic (docs/adr/004-money-and-rounding.md), per-kind
 * numbers and lifecycles, invoice payments, internal order tasks and order status flags. Portal
 * users will see them only through the portal's visibility rules (ACC-5, ACC-6); the PDF module
 * renders {@link dev.foyer.finance.PrintableDocument}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Finance")
package dev.foyer.finance;
