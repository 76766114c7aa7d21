namespace Postern.Mail.Messages;

/// <summary>Caps on the messages the mail layer stores.</summary>
public static class MessageLimits
{
    /// <summary>
    /// The largest message stored. Mail systems cap messages at 25–150 MB (Gmail 25 MB, Exchange
    /// Online 150 MB); 128 MiB takes anything they deliver while one message still fits in one buffer.
    /// </summary>
    public const int MaxMessageSize = 128 * 1024 * 1024;

    /// <summary>Custom keywords per message: far more than any client sets, few enough to keep the flags column small.</summary>
    public const int MaxKeywords = 64;

    /// <summary>Characters of one keyword: Dovecot's <c>mail_max_keyword_length</c>, so keywords survive a move to IMAP servers.</summary>
    public const int MaxKeywordLength = 50;
}
