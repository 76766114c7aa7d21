using Postern.Data;
using Postern.Templates.Expressions;
using Postern.Templates.Rendering;
using Postern.Templates.Tree;

namespace Postern.Templates.Menus;

/// <summary>
/// A menu element. It writes one <c>&lt;option&gt;</c> per choice and marks the current value selected.
/// A current value that is not among the choices is offered first, selected, so saving the form does not
/// lose it (except for BOOLMENU and ENUMMENU, whose choices are complete).
/// </summary>
internal sealed class MenuNode(int offset, MenuKind kind, Expression current, Expression? choices, Expression? labels) : TemplateNode(offset)
{
    /// <summary>Half-hour steps through the day: the default choices of the time-of-day menus.</summary>
    private static readonly DataArray s_halfHours =
        (DataArray)new DataArray(Enumerable.Range(0, 48).Select(i => (DataValue?)new DataNumber(i * 1800L))).MakeReadOnly();

    private static readonly string[] s_boolLabels = ["No", "Yes"];

    public override void Render(RenderState state)
    {
        using var values = state.BeginValues();
        RenderValues(state);
    }

    private void RenderValues(RenderState state)
    {
        var value = current.Evaluate(state);
        var labelSource = labels?.Evaluate(state);
        if (kind == MenuKind.Bool)
        {
            var yes = ValueSemantics.IsTrue(value);
            OptionWriter.Write(state.Output, "NO", Label(labelSource, null, 0) ?? s_boolLabels[0], !yes);
            OptionWriter.Write(state.Output, "YES", Label(labelSource, null, 1) ?? s_boolLabels[1], yes);
            return;
        }

        var list = Choices(state);
        if (kind is MenuKind.CalendarTime or MenuKind.LocalCalendarTime)
            value = TimeOfDay(value, state, roundToHalfHour: choices is null);

        var found = false;
        for (var i = 0; i < list.Count && !found; i++)
            found = Matches(value, list[i], i);
        if (!found && value is not null && kind != MenuKind.Enum)
            OptionWriter.Write(state.Output, ValueText(value, 0), Label(labelSource, value, -1) ?? DefaultLabel(value), selected: true);

        for (var i = 0; i < list.Count; i++)
        {
            var choice = ValueSemantics.Normalize(list[i]);
            OptionWriter.Write(state.Output, ValueText(choice, i), Label(labelSource, choice, i) ?? DefaultLabel(choice), Matches(value, choice, i));
        }
    }

    private IReadOnlyList<DataValue> Choices(RenderState state)
    {
        var given = choices?.Evaluate(state);
        return given switch
        {
            DataArray array => array,
            DataDictionary dictionary => DataArray.OfStrings(dictionary.Keys),
            null when kind == MenuKind.Mailbox => DataArray.OfStrings(state.Context.Mailboxes),
            null when kind is MenuKind.DayTime or MenuKind.CalendarTime or MenuKind.LocalCalendarTime => s_halfHours,
            _ => [],
        };
    }

    private string ValueText(DataValue? choice, int index) =>
        kind == MenuKind.Enum ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : ValueSemantics.TextOf(choice);

    private bool Matches(DataValue? value, DataValue? choice, int index)
    {
        switch (kind)
        {
            case MenuKind.Enum:
                return ValueSemantics.TryGetNumber(value, out var n) && n == index;
            case MenuKind.Numeric or MenuKind.DayTime or MenuKind.CalendarTime or MenuKind.LocalCalendarTime:
                return ValueSemantics.TryGetNumber(value, out var a) && ValueSemantics.TryGetNumber(choice, out var b) && a == b;
            case MenuKind.Size or MenuKind.Time:
                return value is not null && ValueSemantics.AreEqual(value, choice, ignoreCase: true);
            default:
                return value is not null && ValueSemantics.AreEqual(value, choice);
        }
    }

    /// <summary>The label the page gave: a dictionary keyed by the choice's text, or an array parallel to the choices.</summary>
    private static string? Label(DataValue? labels, DataValue? choice, int index) => labels switch
    {
        DataDictionary dictionary when choice is not null && dictionary.Find(ValueSemantics.TextOf(choice)) is DataString s => s.Value,
        DataArray array when index >= 0 && index < array.Count && array[index] is DataString s => s.Value,
        _ => null,
    };

    private string DefaultLabel(DataValue? choice)
    {
        var isNumber = ValueSemantics.TryGetNumber(choice, out var number);
        return kind switch
        {
            MenuKind.Size when isNumber => ValueFormats.FormatSize(number),
            MenuKind.Time when isNumber => OptionWriter.Interval(number),
            MenuKind.DayTime or MenuKind.CalendarTime or MenuKind.LocalCalendarTime when isNumber => OptionWriter.DayTime(number),
            _ => ValueSemantics.TextOf(choice),
        };
    }

    /// <summary>A time stamp's seconds since midnight (GMT, or local for LOCALCALENDARTIMEMENU).</summary>
    private DataValue? TimeOfDay(DataValue? value, RenderState state, bool roundToHalfHour)
    {
        if (value is not DataTimestamp stamp || stamp.IsRemotePast || stamp.IsRemoteFuture)
            return null;
        var moment = kind == MenuKind.LocalCalendarTime ? TimeZoneInfo.ConvertTimeFromUtc(stamp.Value, state.Context.TimeZone) : stamp.Value;
        var seconds = (long)moment.TimeOfDay.TotalSeconds;
        if (roundToHalfHour)
            seconds -= seconds % 1800;
        return ValueSemantics.Number(seconds);
    }
}
