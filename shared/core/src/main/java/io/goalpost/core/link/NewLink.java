package io.goalpost.core.link;

/**
 * A request to create a link, as the caller sent it: any field may be missing (null) or invalid;
 * {@link Links#create} decides. Types are already right (the JSON reader checks those).
 */
public record NewLink(
        String name,
        String destination,
        String channel,
        String campaign,
        String slug,
        NewGoal goal,
        Integer attributionWindowDays,
        Boolean countRebills) {

    /** The requested goal, unchecked: {@code type} is the wire name. */
    public record NewGoal(String type, String formId, String pageUrl, String productId) {
    }
}
