using System.Globalization;
using Postern.Data;

namespace Postern.Templates.Rendering;

/// <summary>The date, time, size and number formats of the DATE:, TIME:, …, SIZE:, NUMBER: prefixes.</summary>
/// <remarks>Times are shown in the context's time zone; month names are English, as MONTHNAMES() gives them.
/// A value of another kind is written as plain text.</remarks>
internal static class ValueFormats
{
    private static readonly string[] s_months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static void WriteDate(TextPrefix prefix, DataValue? value, RenderState state)
    {
        if (value is not DataTimestamp stamp)
        {
            ValueSemantics.Write(value, state.Output);
            return;
        }
        if (stamp.IsRemotePast || stamp.IsRemoteFuture)
            return;
        var local = TimeZoneInfo.ConvertTimeFromUtc(stamp.Value, state.Context.TimeZone);
        var output = state.Output;
        switch (prefix)
        {
            case TextPrefix.Date:
                WriteDayMonth(output, local);
                WriteYear(output, local.Year, fourDigits: true);
                break;
            case TextPrefix.Time:
                WriteTime(output, local, seconds: true);
                break;
            case TextPrefix.DateTime:
                WriteDayMonth(output, local);
                WriteYear(output, local.Year, fourDigits: true);
                output.Write(' ');
                WriteTime(output, local, seconds: true);
                break;
            default:
                // DATETIMESHORT: the time today, the day this year, the day and year before.
                var now = state.LocalNow;
                if (local.Date == now.Date)
                {
                    WriteTime(output, local, seconds: false);
                }
                else
                {
                    WriteDayMonth(output, local);
                    if (local.Year != now.Year)
                        WriteYear(output, local.Year, fourDigits: false);
                }
                break;
        }
    }

    /// <summary><c>05-Mar</c>.</summary>
    private static void WriteDayMonth(TemplateOutput output, DateTime moment)
    {
        WriteTwoDigits(output, moment.Day);
        output.Write('-');
        output.Write(s_months[moment.Month - 1]);
    }

    /// <summary><c>-2024</c>, or <c>-24</c>.</summary>
    private static void WriteYear(TemplateOutput output, int year, bool fourDigits)
    {
        output.Write('-');
        if (fourDigits)
        {
            WriteTwoDigits(output, year / 100);
        }
        WriteTwoDigits(output, year % 100);
    }

    /// <summary><c>14:05:09</c>, or <c>14:05</c>.</summary>
    private static void WriteTime(TemplateOutput output, DateTime moment, bool seconds)
    {
        WriteTwoDigits(output, moment.Hour);
        output.Write(':');
        WriteTwoDigits(output, moment.Minute);
        if (!seconds)
            return;
        output.Write(':');
        WriteTwoDigits(output, moment.Second);
    }

    private static void WriteTwoDigits(TemplateOutput output, int value)
    {
        output.Write((char)('0' + (value / 10)));
        output.Write((char)('0' + (value % 10)));
    }

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
