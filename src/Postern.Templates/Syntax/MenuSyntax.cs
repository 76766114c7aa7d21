using Postern.Templates.Menus;

namespace Postern.Templates.Syntax;

internal enum ClauseUse
{
    Never,
    Optional,
    Required,
}

/// <summary>Which clauses each menu element takes: <c>IN choices</c> and <c>USING labels</c>.</summary>
internal sealed record MenuSyntax(MenuKind Kind, ClauseUse Choices, bool Labels)
{
    private static readonly Dictionary<string, MenuSyntax> s_menus = new(StringComparer.Ordinal)
    {
        ["BOOLMENU"] = new(MenuKind.Bool, ClauseUse.Never, Labels: true),
        ["STRINGMENU"] = new(MenuKind.String, ClauseUse.Required, Labels: true),
        ["NUMERICMENU"] = new(MenuKind.Numeric, ClauseUse.Required, Labels: true),
        ["SIZEMENU"] = new(MenuKind.Size, ClauseUse.Required, Labels: true),
        ["TIMEMENU"] = new(MenuKind.Time, ClauseUse.Required, Labels: true),
        ["ENUMMENU"] = new(MenuKind.Enum, ClauseUse.Required, Labels: true),
        ["DAYTIMEMENU"] = new(MenuKind.DayTime, ClauseUse.Optional, Labels: false),
        ["MAILBOXMENU"] = new(MenuKind.Mailbox, ClauseUse.Optional, Labels: false),
        ["CALENDARTIMEMENU"] = new(MenuKind.CalendarTime, ClauseUse.Optional, Labels: false),
        ["LOCALCALENDARTIMEMENU"] = new(MenuKind.LocalCalendarTime, ClauseUse.Optional, Labels: false),
    };

    /// <summary>The menu for an upper-cased keyword.</summary>
    public static bool TryGet(string keyword, out MenuSyntax syntax) => s_menus.TryGetValue(keyword, out syntax!);
}
