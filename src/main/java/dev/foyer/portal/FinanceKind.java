package dev.foyer.portal;

/**
 * The kinds of financial documents (PRODUCT.md §2) as the portal's rights name them, with the
 * module that grants each (ACC-5). Mirrors finance_document.kind; the portal module cannot use the
 * finance module's own type (finance sits downstream).
 */
public enum FinanceKind {
    QUOTE(PortalModule.QUOTES),
    INVOICE(PortalModule.INVOICES),
    ORDER(PortalModule.ORDERS),
    CONTRACT(PortalModule.CONTRACTS);

    private final PortalModule module;

    FinanceKind(PortalModule module) {
        this.module = module;
    }

    public PortalModule module() {
        return module;
    }
}
