using System.Globalization;

namespace Postern.WebUser.Components;

/// <summary>"Rounded" sizes as CommuniGate pages show them: <c>512</c>, <c>28K</c>, <c>15M</c>, <c>2G</c>.</summary>
public static class SizeText
{
    /// <summary>Rounds to the nearest unit once the value reaches ten of it (as the WSSP <c>SIZE:</c> prefix does).</summary>
    public static string Round(long bytes) => Format(bytes, roundUp: false);

    /// <summary>Rounds up, for totals and limits ("rounded-up" total size, storage limit).</summary>
    public static string RoundUp(long bytes) => Format(bytes, roundUp: true);

    private static string Format(long bytes, bool roundUp)
    {
        const long kilo = 1024;
        ReadOnlySpan<(long Unit, string Suffix)> units = [(kilo * kilo * kilo, "G"), (kilo * kilo, "M"), (kilo, "K")];
        foreach (var (unit, suffix) in units)
        {
            if (bytes >= unit * 10)
            {
                var count = roundUp ? (bytes + unit - 1) / unit : (bytes + unit / 2) / unit;
                return count.ToString(CultureInfo.InvariantCulture) + suffix;
            }
        }
        return bytes.ToString(CultureInfo.InvariantCulture);
    }
}
