package io.tiergate.campaign.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An officer's confirmation or dismissal of a campaign, with the reason that goes into the audit trail. */
public record OfficerDecision(@NotBlank @Size(max = 2000) String reason) {}
