namespace Postern.Mail.Mbox;

/// <summary>One message read from an mbox file.</summary>
/// <param name="Separator">The separator line without its line break: <c>From sender asctime-date</c>.</param>
/// <param name="Content">The message as it was before it was put in the mbox (mboxrd <c>&gt;From </c> escapes undone).</param>
/// <param name="FileOffset">Where the separator line starts in the file.</param>
public sealed record MboxEntry(string Separator, ReadOnlyMemory<byte> Content, long FileOffset);
