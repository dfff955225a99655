package io.goalpost.core.link;

import java.util.Arrays;
import java.util.Optional;

/** What completes a link's goal (SPEC §1). The wire names are part of the API and of stored items. */
public enum GoalType {
    OPT_IN("opt_in"),
    PAGE_VISIT("page_visit"),
    PURCHASE("purchase");

    private final String wireName;

    GoalType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<GoalType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
