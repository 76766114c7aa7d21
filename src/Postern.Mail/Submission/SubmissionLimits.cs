namespace Postern.Mail.Submission;

/// <summary>Caps on what one user may send in one message.</summary>
public static class SubmissionLimits
{
    /// <summary>
    /// The largest message sent: twice the 25 MB most large mail systems accept (Gmail, Yahoo); a larger
    /// message would bounce at most receivers anyway.
    /// </summary>
    public const int MaxMessageSize = 50 * 1024 * 1024;

    /// <summary>Recipients of one message: Postfix's default <c>smtpd_recipient_limit</c>, so every relay takes them in one go.</summary>
    public const int MaxRecipients = 1000;
}
