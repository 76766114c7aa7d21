using System.Globalization;
using Postern.Templates.Rendering;

namespace Postern.Templates.Menus;

/// <summary>Writes <c>&lt;option value="…" selected="selected"&gt;label&lt;/option&gt;</c> (valid HTML and XHTML).</summary>
internal static class OptionWriter
{
    public static void Write(TemplateOutput output, string value, string label, bool selected)
    {
        output.Write("<option value=\"");
        TextEncoders.WriteHtml(value, output);
        output.Write(selected ? "\" selected=\"selected\">" : "\">");
        TextEncoders.WriteHtml(label, output);
        output.Write("</option>");
    }

    /// <summary>Seconds since midnight as <c>HH:MM</c>.</summary>
    public static string DayTime(long seconds)
    {
        seconds = ((seconds % 86400) + 86400) % 86400;
        return $"{seconds / 3600:00}:{seconds % 3600 / 60:00}";
    }

    /// <summary>A time interval in seconds as CommuniGate writes it in settings: <c>30s</c>, <c>5m</c>, <c>2h</c>, <c>3d</c>.</summary>
    public static string Interval(long seconds)
    {
        if (seconds != 0 && seconds % 86400 == 0)
            return (seconds / 86400).ToString(CultureInfo.InvariantCulture) + "d";
        if (seconds != 0 && seconds % 3600 == 0)
            return (seconds / 3600).ToString(CultureInfo.InvariantCulture) + "h";
        if (seconds != 0 && seconds % 60 == 0)
            return (seconds / 60).ToString(CultureInfo.InvariantCulture) + "m";
        return seconds.ToString(CultureInfo.InvariantCulture) + "s";
    }
}
