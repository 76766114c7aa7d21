using System.Text;
using Postern.Mime.Addresses;
using Postern.Mime.Encodings;
using Postern.Mime.Parsing;

namespace Postern.Mime.Headers;

/// <summary>One header field: its raw bytes, and decoding on demand.</summary>
public readonly struct HeaderField
{
    private readonly ReadOnlyMemory<byte> _source;
    private readonly FieldRange _range;

    internal HeaderField(ReadOnlyMemory<byte> source, FieldRange range)
    {
        _source = source;
        _range = range;
    }

    /// <summary>The field name as written (compare it case-insensitively).</summary>
    public string Name => Encoding.ASCII.GetString(NameBytes);

    /// <summary>The field name's bytes.</summary>
    public ReadOnlySpan<byte> NameBytes => _source.Span[_range.Start.._range.NameEnd];

    /// <summary>The raw value: after the colon and leading white space, folding kept, last line break excluded.</summary>
    /// <remarks>Cut at <see cref="MimeLimits.MaxHeaderFieldLength"/> when the field is longer.</remarks>
    public ReadOnlyMemory<byte> RawValue => _source[_range.ValueStart.._range.ValueEnd];

    /// <summary>The whole field as it appears in the message, name and last line break included.</summary>
    public ReadOnlyMemory<byte> RawField => _source[_range.Start.._range.End];

    /// <summary>Offset of the field in the buffer it was parsed from.</summary>
    public int Offset => _range.Start;

    /// <summary>Whether the field is called <paramref name="name"/> (ASCII, case-insensitive).</summary>
    public bool Is(string name) => NameBytes.Length == name.Length && Ascii.EqualsIgnoreCase(NameBytes, name);

    /// <summary>The value as text: unfolded, encoded-words and 8-bit bytes decoded, trailing white space removed.</summary>
    public string GetText() => Rfc2047Decoder.DecodeText(RawValue.Span);

    /// <summary>The value read as an address list (RFC 5322 §3.4).</summary>
    public AddressList GetAddresses() => AddressList.Parse(RawValue.Span);

    /// <summary>The value read as a date (RFC 5322 §3.3 and obsolete forms), or null.</summary>
    public DateTimeOffset? GetDate() => MailDate.TryParse(RawValue.Span, out var date) ? date : null;

    /// <summary>The value read as a list of message identifiers (RFC 5322 §3.6.4), without angle brackets.</summary>
    public IReadOnlyList<string> GetMessageIds() => MessageIds.Parse(RawValue.Span);

    /// <inheritdoc/>
    public override string ToString() => Name + ": " + GetText();
}
