namespace Postern.Templates.Rendering;

/// <summary>The conversions a text element can apply: <c>%%PREFIX:expression%%</c>.</summary>
internal enum TextPrefix
{
    /// <summary>No prefix: the value's text as it is (WSSP inserts strings unescaped).</summary>
    None,

    /// <summary><c>HTML:</c> escapes <c>&amp; &lt; &gt; " '</c>.</summary>
    Html,

    /// <summary><c>URL:</c> percent-encodes everything but unreserved characters (RFC 3986 §2.3).</summary>
    Url,

    /// <summary><c>HTMLSUBST(args):format</c>: <c>^0</c>… in format replaced by the HTML-escaped args.</summary>
    HtmlSubst,

    /// <summary><c>SUBST(args):format</c>: as HTMLSUBST without escaping.</summary>
    Subst,

    /// <summary><c>DATE:</c> <c>05-Mar-2024</c> in the user's time zone.</summary>
    Date,

    /// <summary><c>TIME:</c> <c>14:05:09</c> in the user's time zone.</summary>
    Time,

    /// <summary><c>DATETIME:</c> <c>05-Mar-2024 14:05:09</c> in the user's time zone.</summary>
    DateTime,

    /// <summary><c>DATETIMESHORT:</c> <c>14:05</c> today, <c>05-Mar</c> this year, else <c>05-Mar-23</c>.</summary>
    DateTimeShort,

    /// <summary><c>SIZE:</c> bytes as <c>5806</c>, <c>28K</c>, <c>15M</c>, <c>2G</c>.</summary>
    Size,

    /// <summary><c>NUMBER:</c> digits grouped by thousands: <c>12,345</c>.</summary>
    Number,
}

/// <summary>The prefix names text elements may start with.</summary>
internal static class TextPrefixTable
{
    private static readonly Dictionary<string, TextPrefix> s_prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HTML"] = TextPrefix.Html,
        ["URL"] = TextPrefix.Url,
        ["HTMLSUBST"] = TextPrefix.HtmlSubst,
        ["SUBST"] = TextPrefix.Subst,
        ["DATE"] = TextPrefix.Date,
        ["TIME"] = TextPrefix.Time,
        ["DATETIME"] = TextPrefix.DateTime,
        ["DATETIMESHORT"] = TextPrefix.DateTimeShort,
        ["SIZE"] = TextPrefix.Size,
        ["NUMBER"] = TextPrefix.Number,
    };

    public static bool TryGet(string name, out TextPrefix prefix) => s_prefixes.TryGetValue(name, out prefix);

    /// <summary>Whether the prefix is written <c>NAME(argument):</c>.</summary>
    public static bool TakesArgument(TextPrefix prefix) => prefix is TextPrefix.HtmlSubst or TextPrefix.Subst;
}
