using System.Globalization;
using Postern.Data;

namespace Postern.Templates.Rendering;

/// <summary>The date, time, size and number formats of the DATE:, TIME:, …, SIZE:, NUMBER: prefixes.</summary>
/// <remarks>Times are shown in the context's time zone; month names are English, as MONTHNAMES() gives them.
/// A value of another kind is written as plain text.</remarks>
internal static class ValueFormats
{
    public static void WriteDate(TextPrefix prefix, DataValue? value, RenderState state)
    {
        if (value is not DataTimestamp stamp)
        {
            ValueSemantics.Write(value, state.Output);
            return;
        }
        if (stamp.IsRemotePast || stamp.IsRemoteFuture)
            return;
        var zone = state.Context.TimeZone;
        var local = TimeZoneInfo.ConvertTimeFromUtc(stamp.Value, zone);
        var format = prefix switch
        {
            TextPrefix.Date => "dd'-'MMM'-'yyyy",
            TextPrefix.Time => "HH':'mm':'ss",
            TextPrefix.DateTime => "dd'-'MMM'-'yyyy' 'HH':'mm':'ss",
            _ => ShortFormat(local, TimeZoneInfo.ConvertTimeFromUtc(state.Context.TimeProvider.GetUtcNow().UtcDateTime, zone)),
        };
        var span = state.Output.GetSpan(32);
        local.TryFormat(span, out var written, format, CultureInfo.InvariantCulture);
        state.Output.Advance(written);
    }

    private static string ShortFormat(DateTime local, DateTime now) =>
        local.Date == now.Date ? "HH':'mm"
        : local.Year == now.Year ? "dd'-'MMM"
        : "dd'-'MMM'-'yy";

    /// <summary>
    /// Sizes as CommuniGate's skin editor lists them: bytes below 10 K (<c>5806</c>), then whole
    /// kilobytes (<c>28K</c>), megabytes and gigabytes, each unit used from ten of it.
    /// </summary>
    public static void WriteSize(DataValue? value, RenderState state)
    {
        if (!ValueSemantics.TryGetNumber(value, out var bytes))
        {
            ValueSemantics.Write(value, state.Output);
            return;
        }
        var span = state.Output.GetSpan(24);
        state.Output.Advance(FormatSize(bytes, span));
    }

    public static string FormatSize(long bytes)
    {
        Span<char> span = stackalloc char[24];
        return new string(span[..FormatSize(bytes, span)]);
    }

    /// <summary>Writes the size into <paramref name="destination"/> (24 characters suffice) and returns the length.</summary>
    private static int FormatSize(long bytes, Span<char> destination)
    {
        const long Unit = 1024;
        var (value, suffix) = bytes switch
        {
            < 10 * Unit => (bytes, '\0'),
            < 10 * Unit * Unit => (bytes / Unit, 'K'),
            < 10 * Unit * Unit * Unit => (bytes / (Unit * Unit), 'M'),
            _ => (bytes / (Unit * Unit * Unit), 'G'),
        };
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        if (suffix != '\0')
            destination[written++] = suffix;
        return written;
    }

    public static void WriteNumber(DataValue? value, RenderState state)
    {
        if (!ValueSemantics.TryGetNumber(value, out var number))
        {
            ValueSemantics.Write(value, state.Output);
            return;
        }
        var span = state.Output.GetSpan(32);
        number.TryFormat(span, out var written, "#,0", CultureInfo.InvariantCulture);
        state.Output.Advance(written);
    }
}
