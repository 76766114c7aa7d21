using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Postern.Ximss.Protocol.Values;

/// <summary>
/// The messages a request names by UID: single <c>&lt;UID&gt;n&lt;/UID&gt;</c> elements and
/// <c>&lt;UID from="a" till="b"/&gt;</c> ranges (docs/ximss.md §5.4), or an IMAP sequence set in a search.
/// </summary>
/// <remarks>
/// Ranges keep the client's order (a browse by UID answers in that order); use <see cref="Contains"/>
/// to test membership. A range may name UIDs that do not exist; servers skip those, as IMAP does.
/// </remarks>
public sealed class UidSelection
{
    /// <summary>Creates a selection from ranges in request order.</summary>
    public UidSelection(ImmutableArray<UidRange> ranges)
    {
        Ranges = ranges.IsDefault ? [] : ranges;
    }

    /// <summary>The ranges, in request order; single UIDs are one-element ranges.</summary>
    public ImmutableArray<UidRange> Ranges { get; }

    /// <summary>True when <paramref name="uid"/> is selected.</summary>
    public bool Contains(uint uid)
    {
        foreach (var range in Ranges)
        {
            if (range.Contains(uid))
                return true;
        }

        return false;
    }

    /// <summary>Parses a UID number: 1 to 4294967295 (RFC 3501 §9 nz-number).</summary>
    public static bool TryParseUid(ReadOnlySpan<char> text, out uint uid) =>
        uint.TryParse(text.Trim(' '), NumberStyles.None, CultureInfo.InvariantCulture, out uid) && uid != 0;

    /// <summary>Parses an IMAP sequence set of UIDs such as <c>1:5,9,12:*</c> (RFC 3501 §9 sequence-set); <c>*</c> is the largest UID.</summary>
    public static bool TryParseSequenceSet(ReadOnlySpan<char> text, [NotNullWhen(true)] out UidSelection? selection)
    {
        selection = null;
        var ranges = ImmutableArray.CreateBuilder<UidRange>();
        foreach (var item in text.Split(','))
        {
            var part = text[item];
            var colon = part.IndexOf(':');
            if (colon < 0)
            {
                if (!TryParseSequenceNumber(part, out var single))
                    return false;
                ranges.Add(new UidRange(single, single));
                continue;
            }

            if (!TryParseSequenceNumber(part[..colon], out var first) || !TryParseSequenceNumber(part[(colon + 1)..], out var last))
                return false;
            // RFC 3501 §9: "2:4" and "4:2" name the same messages.
            ranges.Add(first <= last ? new UidRange(first, last) : new UidRange(last, first));
        }

        selection = new UidSelection(ranges.DrainToImmutable());
        return selection.Ranges.Length > 0;
    }

    private static bool TryParseSequenceNumber(ReadOnlySpan<char> text, out uint uid)
    {
        if (text is "*")
        {
            uid = uint.MaxValue;
            return true;
        }

        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uid) && uid != 0;
    }
}
