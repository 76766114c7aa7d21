namespace Postern.Mail.Search;

/// <summary>Caps on searches and on what the full-text index keeps of one message.</summary>
public static class SearchLimits
{
    /// <summary>
    /// Conditions in one search. IMAP clients send a handful; XIMSS nests at most 32 deep. 256 keeps a
    /// hostile search's SQL and full-text work small.
    /// </summary>
    public const int MaxConditions = 256;

    /// <summary>Characters of one text condition: a sentence, not a document.</summary>
    public const int MaxTextLength = 1024;

    /// <summary>
    /// Characters of body text indexed per message: 1 Mi characters is a long book chapter. Text past it
    /// (in giant text attachments and logs) is not searchable.
    /// </summary>
    public const int MaxIndexedBodyChars = 1 << 20;

    /// <summary>Characters of header text indexed per message; real headers are a few KB, spam with 1,000 Received lines ~100 KB.</summary>
    public const int MaxIndexedHeaderChars = 64 * 1024;

    /// <summary>Messages read per round when catching up on unindexed messages.</summary>
    internal const int IndexingBatch = 256;
}
