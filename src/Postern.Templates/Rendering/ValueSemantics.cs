using System.Globalization;
using Postern.Data;

namespace Postern.Templates.Rendering;

/// <summary>How WSSP treats values: truth, equality and plain text.</summary>
internal static class ValueSemantics
{
    /// <summary>The result of a test: the string <c>YES</c>, or the null-value.</summary>
    public static DataValue? Bool(bool value) => value ? DataString.Yes : null;

    /// <summary>
    /// The truth of a value in IF, ELIF, NOT, YESNO, CHECKED, REQUIRED and the boolean operators: false for
    /// the null-value, the string <c>NO</c> (any case; EXISTS() returns it), the empty string and the
    /// number 0; true for everything else, including empty arrays and dictionaries.
    /// </summary>
    public static bool IsTrue(DataValue? value) => value switch
    {
        null or DataNull => false,
        DataString s => s.Value.Length != 0 && !s.Value.Equals("NO", StringComparison.OrdinalIgnoreCase),
        DataNumber n => n.Value != 0,
        _ => true,
    };

    /// <summary>EQUALS: both null, or equal values; a string and a number are equal when their texts are.</summary>
    public static bool AreEqual(DataValue? a, DataValue? b, bool ignoreCase = false)
    {
        a = Normalize(a);
        b = Normalize(b);
        if (a is null || b is null)
            return a is null && b is null;
        if (a is DataString sa && b is DataString sb)
            return string.Equals(sa.Value, sb.Value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        if (a is DataNumber na && b is DataNumber nb)
            return na.Value == nb.Value;
        if (a.Kind is DataKind.String or DataKind.Number && b.Kind is DataKind.String or DataKind.Number)
            return string.Equals(TextOf(a), TextOf(b), ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        return a.Equals(b);
    }

    public static DataValue? Normalize(DataValue? value) => value is DataNull ? null : value;

    /// <summary>The text a value inserts into the page (see <see cref="Write"/>).</summary>
    public static string TextOf(DataValue? value)
    {
        switch (value)
        {
            case null or DataNull:
                return "";
            case DataString s:
                return s.Value;
            case DataNumber n:
                return n.Value.ToString(CultureInfo.InvariantCulture);
            default:
                using (var output = new TemplateOutput(256))
                {
                    Write(value, output);
                    return output.ToString();
                }
        }
    }

    /// <summary>
    /// Writes a value as plain text: strings as they are, numbers in decimal, time stamps as
    /// <c>dd-mm-yyyy_hh:mm:ss</c> (GMT), IP addresses as <c>address</c> or <c>address:port</c>, datablocks in
    /// base64, arrays and dictionaries in the data format, the null-value as nothing.
    /// </summary>
    public static void Write(DataValue? value, TemplateOutput output)
    {
        switch (value)
        {
            case null or DataNull:
                return;
            case DataString s:
                output.Write(s.Value);
                return;
            case DataNumber n:
                var span = output.GetSpan(20);
                n.Value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
                output.Advance(written);
                return;
            case DataTimestamp t:
                if (!t.IsRemotePast && !t.IsRemoteFuture)
                    output.Write(t.Value.ToString("dd'-'MM'-'yyyy'_'HH':'mm':'ss", CultureInfo.InvariantCulture));
                return;
            case DataIPAddress ip:
                var address = ip.Address.ToString();
                if (ip.Port is not { } port)
                {
                    output.Write(address);
                    return;
                }
                output.Write(ip.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address);
                output.Write(':');
                output.Write(port.ToString(CultureInfo.InvariantCulture));
                return;
            case DataBlock block:
                output.Write(Convert.ToBase64String(block.Bytes.Span));
                return;
            default:
                output.Write(DataWriter.Write(value));
                return;
        }
    }

    /// <summary>A number from a number value or a string of decimal digits (with an optional sign).</summary>
    public static bool TryGetNumber(DataValue? value, out long number)
    {
        switch (value)
        {
            case DataNumber n:
                number = n.Value;
                return true;
            case DataString s:
                return long.TryParse(s.Value.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
            default:
                number = 0;
                return false;
        }
    }

    private static readonly DataNumber[] s_smallNumbers = Enumerable.Range(0, 1024).Select(i => new DataNumber(i)).ToArray();

    /// <summary>A number object, shared for 0–1023 so loop counters do not allocate.</summary>
    public static DataNumber Number(long value) =>
        value is >= 0 and < 1024 ? s_smallNumbers[value] : new DataNumber(value);
}
