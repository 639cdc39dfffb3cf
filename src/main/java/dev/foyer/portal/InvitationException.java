package dev.foyer.portal;

/** An invitation link that cannot be used; changes nothing. */
public class InvitationException extends RuntimeException {

    private final InvitationRefusal refusal;

    public InvitationException(InvitationRefusal refusal) {
        super("Invitation refused: " + refusal);
        this.refusal = refusal;
    }

    public InvitationRefusal refusal() {
        return refusal;
    }
}
