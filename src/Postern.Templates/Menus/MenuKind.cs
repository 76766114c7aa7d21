namespace Postern.Templates.Menus;

/// <summary>The menu elements; each writes the <c>&lt;option&gt;</c> list of a <c>&lt;select&gt;</c> the page supplies.</summary>
internal enum MenuKind
{
    /// <summary><c>BOOLMENU current [USING labels]</c>: options NO and YES.</summary>
    Bool,

    /// <summary><c>STRINGMENU current IN choices [USING labels]</c>.</summary>
    String,

    /// <summary><c>NUMERICMENU current IN choices [USING labels]</c>.</summary>
    Numeric,

    /// <summary><c>SIZEMENU current IN choices [USING labels]</c>: byte counts labelled 28K, 15M….</summary>
    Size,

    /// <summary><c>TIMEMENU current IN choices [USING labels]</c>: seconds labelled 30s, 5m, 2h, 3d.</summary>
    Time,

    /// <summary><c>ENUMMENU current IN choices [USING labels]</c>: the value is the choice's index.</summary>
    Enum,

    /// <summary><c>DAYTIMEMENU current [IN choices]</c>: seconds since midnight labelled 08:30.</summary>
    DayTime,

    /// <summary><c>MAILBOXMENU current [IN choices]</c>: the user's mailboxes unless choices are given.</summary>
    Mailbox,

    /// <summary><c>CALENDARTIMEMENU stamp [IN choices]</c>: the time of day of a time stamp, GMT.</summary>
    CalendarTime,

    /// <summary><c>LOCALCALENDARTIMEMENU stamp [IN choices]</c>: as CALENDARTIMEMENU in the user's time zone.</summary>
    LocalCalendarTime,
}
