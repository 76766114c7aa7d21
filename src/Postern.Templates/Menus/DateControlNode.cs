using System.Globalization;
using Postern.Data;
using Postern.Templates.Expressions;
using Postern.Templates.Functions;
using Postern.Templates.Rendering;
using Postern.Templates.Tree;

namespace Postern.Templates.Menus;

/// <summary>
/// <c>CALENDARDATECONTROL "name", stamp</c> and <c>LOCALCALENDARDATECONTROL "name", stamp</c>: three
/// selects, <c>nameDay</c> (1–31), <c>nameMonth</c> (1–12, labelled Jan…Dec) and <c>nameYear</c>, set to the
/// date of the time stamp (GMT, or in the user's time zone for LOCAL…); today when there is no stamp.
/// </summary>
internal sealed class DateControlNode(int offset, bool local, Expression name, Expression current) : TemplateNode(offset)
{
    /// <summary>Years offered either side of this year (the selected year is always included).</summary>
    private const int YearSpan = 5;

    public override void Render(RenderState state)
    {
        using var values = state.BeginValues();
        RenderValues(state);
    }

    private void RenderValues(RenderState state)
    {
        var field = ValueSemantics.TextOf(name.Evaluate(state));
        var zone = local ? state.Context.TimeZone : TimeZoneInfo.Utc;
        var now = TimeZoneInfo.ConvertTimeFromUtc(state.Context.TimeProvider.GetUtcNow().UtcDateTime, zone);
        var date = current.Evaluate(state) is DataTimestamp { IsRemotePast: false, IsRemoteFuture: false } stamp
            ? TimeZoneInfo.ConvertTimeFromUtc(stamp.Value, zone)
            : now;

        var output = state.Output;
        Select(output, field + "Day", 1, 31, date.Day, d => d.ToString(CultureInfo.InvariantCulture));
        Select(output, field + "Month", 1, 12, date.Month, m => ConstantFunctions.MonthNames[m - 1].AsString!);
        Select(output, field + "Year", Math.Min(now.Year - YearSpan, date.Year), Math.Max(now.Year + YearSpan, date.Year), date.Year,
            y => y.ToString(CultureInfo.InvariantCulture));
    }

    private static void Select(TemplateOutput output, string fieldName, int first, int last, int selected, Func<int, string> label)
    {
        output.Write("<select name=\"");
        TextEncoders.WriteHtml(fieldName, output);
        output.Write("\">");
        for (var i = first; i <= last; i++)
            OptionWriter.Write(output, i.ToString(CultureInfo.InvariantCulture), label(i), i == selected);
        output.Write("</select>");
    }
}
