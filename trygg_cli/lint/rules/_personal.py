"""TRY4xx: personal data that must never be published."""

MODULES: tuple[str, ...] = (
    "try401_personal_identity_number",
    "try402_phone_number",
    "try403_email_address",
    "try404_individual_in_sspf_or_sig",
)
