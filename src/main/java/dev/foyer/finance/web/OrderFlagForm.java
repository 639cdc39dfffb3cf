package dev.foyer.finance.web;

import dev.foyer.finance.OrderFlag;

/** The order flag form; an unchecked box sends nothing, so the booleans may be null (meaning no). */
record OrderFlagForm(String name, Boolean customerFlag, Boolean active, long version) {

    static OrderFlagForm empty() {
        return new OrderFlagForm("", false, true, 0);
    }

    static OrderFlagForm of(OrderFlag flag) {
        return new OrderFlagForm(flag.name(), flag.customerFlag(), flag.active(), flag.version());
    }

    boolean isCustomerFlag() {
        return Boolean.TRUE.equals(customerFlag);
    }

    boolean isActive() {
        return Boolean.TRUE.equals(active);
    }

    OrderFlagForm withVersion(long newVersion) {
        return new OrderFlagForm(name, customerFlag, active, newVersion);
    }
}
