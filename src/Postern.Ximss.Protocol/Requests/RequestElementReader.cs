using System.Collections.Immutable;
using System.Globalization;
using Postern.Ximss.Protocol.Values;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// Reads a request element's attributes and children for one parser, remembering the first problem.
/// </summary>
/// <remarks>
/// Each accessor returns a usable placeholder when the value is missing or bad and records the error,
/// so a parser can build its record in one expression; <see cref="XimssRequestParser"/> then reports
/// the first error instead of the record. Names are matched leniently (exact first, then ignoring case).
/// </remarks>
internal sealed class RequestElementReader(XimssElement element, string id, XimssLimits limits)
{
    public XimssElement Element { get; } = element;

    public string Id { get; } = id;

    public XimssLimits Limits { get; } = limits;

    public XimssError? Error { get; private set; }

    public void Fail(XimssError error) => Error ??= error;

    /// <summary>A required attribute; missing or empty is an error.</summary>
    public string Required(string name)
    {
        var value = Element.FindAttribute(name);
        if (string.IsNullOrEmpty(value))
        {
            Fail(XimssError.MissingAttribute(name));
            return "";
        }

        return value;
    }

    /// <summary>A required attribute that may be empty (e.g. a session option set to "").</summary>
    public string RequiredAllowEmpty(string name)
    {
        var value = Element.FindAttribute(name);
        if (value is null)
            Fail(XimssError.MissingAttribute(name));
        return value ?? "";
    }

    /// <summary>An optional attribute; empty counts as absent.</summary>
    public string? Optional(string name) => Element.FindAttribute(name) is { Length: > 0 } value ? value : null;

    /// <summary>A boolean attribute: <c>yes</c>/<c>no</c>, <c>1</c>/<c>0</c> or <c>true</c>/<c>false</c> in any case (docs/ximss.md §7.1: CGP uses both styles).</summary>
    public bool YesNo(string name, bool whenAbsent = false)
    {
        var value = Optional(name);
        if (value is null)
            return whenAbsent;
        if (value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase))
            return true;
        if (value.Equals("no", StringComparison.OrdinalIgnoreCase) || value == "0" || value.Equals("false", StringComparison.OrdinalIgnoreCase))
            return false;
        Fail(XimssError.InvalidAttribute(name, "expected yes or no"));
        return whenAbsent;
    }

    /// <summary>An optional whole number between <paramref name="minimum"/> and <paramref name="maximum"/>.</summary>
    public long? OptionalNumber(string name, long minimum, long maximum = long.MaxValue)
    {
        var value = Optional(name);
        if (value is null)
            return null;
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum)
            return number;
        Fail(XimssError.InvalidAttribute(name, $"expected a number from {minimum} to {maximum}"));
        return null;
    }

    /// <summary>A required UID attribute (1 to 4294967295).</summary>
    public uint RequiredUid(string name)
    {
        var value = Required(name);
        if (value.Length == 0)
            return 0;
        if (UidSelection.TryParseUid(value, out var uid))
            return uid;
        Fail(XimssError.InvalidAttribute(name, "expected a UID"));
        return 0;
    }

    /// <summary>An optional attribute restricted to a vocabulary (matched ignoring case).</summary>
    public T Choice<T>(string name, T whenAbsent, ReadOnlySpan<(string Name, T Value)> vocabulary)
    {
        var value = Optional(name);
        if (value is null)
            return whenAbsent;
        foreach (var (word, result) in vocabulary)
        {
            if (value.Equals(word, StringComparison.OrdinalIgnoreCase))
                return result;
        }

        var expected = new List<string>();
        foreach (var (word, _) in vocabulary)
            expected.Add(word);
        Fail(XimssError.InvalidAttribute(name, "expected one of " + string.Join(", ", expected)));
        return whenAbsent;
    }

    /// <summary>An optional mailbox pattern (<c>filter</c> of the list operations); absent means every mailbox.</summary>
    public MailboxPattern Pattern(string name)
    {
        var value = Element.FindAttribute(name);
        if (value is null)
            return MailboxPattern.All;
        if (MailboxPattern.TryCreate(value, out var pattern, Limits))
            return pattern;
        Fail(XimssError.InvalidAttribute(name, $"longer than {Limits.MaxPatternLength} characters"));
        return MailboxPattern.All;
    }

    /// <summary>An optional <c>flags</c>-style list; absent gives <see cref="FlagList.Empty"/>.</summary>
    public FlagList Flags(string name, bool required)
    {
        var value = required ? Required(name) : Optional(name);
        if (value is null || value.Length == 0)
            return FlagList.Empty;
        if (FlagList.TryParse(value, out var flags, out var problem, Limits))
            return flags;
        Fail(XimssError.InvalidAttribute(name, problem));
        return FlagList.Empty;
    }

    /// <summary>
    /// The messages named by <c>&lt;UID&gt;n&lt;/UID&gt;</c> and <c>&lt;UID from="a" till="b"/&gt;</c>
    /// children (any case: sipnet sends <c>&lt;uid&gt;</c>, docs/ximss.md §5.4). At least one is required.
    /// </summary>
    public UidSelection Uids()
    {
        var ranges = ImmutableArray.CreateBuilder<UidRange>();
        foreach (var child in Element.FindChildren("UID"))
        {
            if (TryReadUidChild(child, out var range))
                ranges.Add(range);
            else
                Fail(XimssError.InvalidElement("UID", "expected a UID, or from and till UIDs with from ≤ till"));
        }

        if (ranges.Count == 0)
            Fail(XimssError.MissingElement("UID"));
        return new UidSelection(ranges.DrainToImmutable());
    }

    /// <summary>The trimmed, non-empty texts of all children named <paramref name="name"/>.</summary>
    public ImmutableArray<string> ChildTexts(string name)
    {
        var texts = ImmutableArray.CreateBuilder<string>();
        foreach (var child in Element.FindChildren(name))
        {
            var text = child.Text.Trim();
            if (text.Length == 0)
                Fail(XimssError.InvalidElement(name, "empty"));
            else
                texts.Add(text);
        }

        return texts.DrainToImmutable();
    }

    /// <summary>
    /// The <c>mode="add|remove"</c> of one line of an update list (absent means add); records an error
    /// on <paramref name="child"/> and returns null for anything else.
    /// </summary>
    public bool? IsRemoval(XimssElement child)
    {
        var mode = child.FindAttribute("mode");
        if (mode is null || mode.Equals("add", StringComparison.OrdinalIgnoreCase))
            return false;
        if (mode.Equals("remove", StringComparison.OrdinalIgnoreCase))
            return true;
        Fail(XimssError.InvalidElement(child.Name, "mode must be add or remove"));
        return null;
    }

    /// <summary>The SASL payload of <c>auth</c>/<c>authenticate</c>: a <c>value</c> attribute or the element text (docs/ximss.md §6, both shapes).</summary>
    public string? SaslPayload()
    {
        var value = Element.FindAttribute("value");
        if (value is not null)
            return value.Trim();
        var text = Element.Text.Trim();
        return text.Length > 0 ? text : null;
    }

    private static bool TryReadUidChild(XimssElement child, out UidRange range)
    {
        range = default;
        var from = child.FindAttribute("from");
        var till = child.FindAttribute("till");
        if (from is null && till is null)
        {
            if (!UidSelection.TryParseUid(child.Text, out var uid))
                return false;
            range = new UidRange(uid, uid);
            return true;
        }

        if (from is null || till is null
            || !UidSelection.TryParseUid(from, out var first)
            || !UidSelection.TryParseUid(till, out var last)
            || first > last)
            return false;
        range = new UidRange(first, last);
        return true;
    }
}
