package vn.ocop.service.procedure.cases;

/** Where a dossier stands in the procedure. */
public enum State {
    /** Mẫu 01 and Mẫu 02 written by the producer, not yet filed. */
    REGISTERED,
    /** Filed at the commune (UBND cấp xã); the commune's 15 working days run. */
    FILED,
    /** Sent back to the producer for completion (by the commune or the provincial office). */
    RETURNED,
    /** The commune's report (Mẫu 03) and proposal sent to the province. */
    PROPOSED,
    /** The provincial office found the dossier complete. */
    ACCEPTED,
    /** In a round of a level, before the first sheet. */
    ASSIGNED,
    /** The council's sheets are being written; edition and sheet are fixed. */
    SCORING,
    /** The council's result is counted; the level's decision is due. */
    SCORED,
    /** Approved and sent to the next level's round. */
    FORWARDED,
    /** The next level did not recognise the product; the sending level may decide on its result (Điều 7.4). */
    BACK_FROM_CENTRAL,
    RECOGNISED,
    NOT_RECOGNISED,
    WITHDRAWN;

    /** A withdrawn or returned dossier, or one not in a round, cannot be scored. */
    public boolean scorable() {
        return this == ASSIGNED || this == SCORING;
    }

    /** The dossier's content (product, sheet, facts) may change only while the producer holds it. */
    public boolean editableByProducer() {
        return this == REGISTERED || this == RETURNED;
    }
}
