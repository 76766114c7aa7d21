using Postern.Mime.Addresses;
using Postern.Storage;

namespace Postern.Mail.Folders;

/// <summary>A field a folder row carries (XIMSS <c>&lt;field&gt;</c>, a WebUser column).</summary>
/// <param name="Name">The name as requested.</param>
/// <param name="Header">The header field read, for <see cref="FolderFieldKind.Header"/>, <see cref="FolderFieldKind.Addresses"/> and <see cref="FolderFieldKind.RawHeader"/>.</param>
public sealed record FolderField(string Name, FolderFieldKind Kind, string? Header)
{
    /// <summary>The prefix asking for a header's parsed addresses (XIMSS <c>E-From</c>).</summary>
    public const string AddressesPrefix = "E-";

    /// <summary>The prefix asking for a header's raw value, folding and encoded-words kept.</summary>
    public const string RawPrefix = "Raw-";

    /// <summary>
    /// Reads a field name: <c>FLAGS</c>, <c>INTERNALDATE</c>, <c>SIZE</c>, <c>UID</c>, <c>Date</c> (the parsed
    /// sent date), <c>Pty</c>, <c>Preview</c>, <c>HasAttachments</c>, <c>E-name</c> (addresses), <c>Raw-name</c>
    /// (raw value); any other name is a header field's decoded text. Names are matched ignoring case.
    /// </summary>
    public static FolderField Parse(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        return trimmed.ToUpperInvariant() switch
        {
            "FLAGS" => new(trimmed, FolderFieldKind.Flags, null),
            "INTERNALDATE" => new(trimmed, FolderFieldKind.InternalDate, null),
            "SIZE" => new(trimmed, FolderFieldKind.Size, null),
            "UID" => new(trimmed, FolderFieldKind.Uid, null),
            "DATE" => new(trimmed, FolderFieldKind.SentDate, "Date"),
            "PTY" => new(trimmed, FolderFieldKind.Priority, null),
            "PREVIEW" => new(trimmed, FolderFieldKind.Preview, null),
            "HASATTACHMENTS" => new(trimmed, FolderFieldKind.HasAttachments, null),
            var upper when upper.StartsWith("E-", StringComparison.Ordinal) && trimmed.Length > 2 =>
                new(trimmed, FolderFieldKind.Addresses, trimmed[2..]),
            var upper when upper.StartsWith("RAW-", StringComparison.Ordinal) && trimmed.Length > 4 =>
                new(trimmed, FolderFieldKind.RawHeader, trimmed[4..]),
            _ => new(trimmed, FolderFieldKind.Header, trimmed),
        };
    }

    public static IReadOnlyList<FolderField> Parse(IEnumerable<string> names) => names.Select(Parse).ToArray();
}

public enum FolderFieldKind
{
    /// <summary>Flags and keywords: <see cref="FolderFieldValue.FlagsValue"/>.</summary>
    Flags,

    /// <summary>Arrival time: <see cref="FolderFieldValue.Time"/>.</summary>
    InternalDate,

    /// <summary>Size in bytes: <see cref="FolderFieldValue.Number"/>.</summary>
    Size,

    /// <summary>The UID: <see cref="FolderFieldValue.Number"/>.</summary>
    Uid,

    /// <summary>The Date header parsed: <see cref="FolderFieldValue.Time"/>, absent when missing or unreadable.</summary>
    SentDate,

    /// <summary>High or Low (absent when normal): <see cref="FolderFieldValue.Text"/>.</summary>
    Priority,

    /// <summary>A short plain-text preview of the body: <see cref="FolderFieldValue.Text"/>.</summary>
    Preview,

    /// <summary>Whether the message has attachments: <see cref="FolderFieldValue.Number"/> 1 or 0.</summary>
    HasAttachments,

    /// <summary>A header field's decoded text (several fields of the name joined by ", "): <see cref="FolderFieldValue.Text"/>.</summary>
    Header,

    /// <summary>A header field's raw value: <see cref="FolderFieldValue.Text"/>.</summary>
    RawHeader,

    /// <summary>A header field's addresses, groups flattened: <see cref="FolderFieldValue.AddressList"/>.</summary>
    Addresses,
}

/// <summary>The value of one field in one row; a field the message lacks has no value (null in the row).</summary>
public abstract record FolderFieldValue
{
    private protected FolderFieldValue()
    {
    }

    public sealed record FlagsValue(MessageFlags Flags, IReadOnlyList<string> Keywords) : FolderFieldValue;

    public sealed record Time(DateTimeOffset Value) : FolderFieldValue;

    public sealed record Number(long Value) : FolderFieldValue;

    public sealed record Text(string Value) : FolderFieldValue;

    public sealed record AddressList(IReadOnlyList<MailboxAddress> Addresses) : FolderFieldValue;
}
