namespace Postern.Server.Logging;

/// <summary>
/// The module tags records carry (CommuniGate's "XIMSSI", "HTTPU"…). A logger whose category is a
/// tag uses it; type-named loggers get the tag of their assembly's area.
/// </summary>
/// <remarks>
/// A record can name one instance of a module, <c>XIMSS-00012</c> for one session, through a
/// logging scope holding the key <see cref="ScopeKey"/>; the module part before the <c>-</c>
/// decides its level.
/// </remarks>
public static class LogTags
{
    public const string Server = "SERVER";
    public const string Store = Storage.StoreLog.Tag;
    public const string Accounts = "ACCOUNTS";
    public const string Mail = "MAIL";
    public const string Cli = "CLI";

    /// <summary>The XIMSS listener (connections), as CommuniGate tags it.</summary>
    public const string XimssListener = "XIMSSI";

    /// <summary>XIMSS sessions.</summary>
    public const string XimssSession = "XIMSS";

    /// <summary>The HTTP user module.</summary>
    public const string Http = "HTTPU";

    public const string WebUser = "WEBUSER";
    public const string System = "SYSTEM";

    /// <summary>The scope key that overrides the tag of the records logged inside the scope.</summary>
    public const string ScopeKey = "LogTag";

    private static readonly (string Prefix, string Tag)[] s_categoryPrefixes =
    [
        ("Postern.Storage", Store),
        ("Postern.Accounts", Accounts),
        ("Postern.Mail", Mail),
        ("Postern.Ximss", XimssSession),
        ("Postern.WebUser", WebUser),
        ("Postern.Server", Server),
        ("Microsoft.Hosting.Lifetime", Server),
        ("Microsoft.Extensions.Hosting", Server),
        ("Microsoft.AspNetCore", Http),
    ];

    public static string ForCategory(string category)
    {
        if (IsTag(category))
            return category;
        foreach (var (prefix, tag) in s_categoryPrefixes)
        {
            if (category.StartsWith(prefix, StringComparison.Ordinal))
                return tag;
        }
        return System;
    }

    /// <summary>The module part of a tag: <c>XIMSS</c> for <c>XIMSS-00012</c>.</summary>
    public static string ModuleOf(string tag)
    {
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? tag : tag[..dash];
    }

    /// <summary>Upper-case letters and digits, optionally followed by <c>-</c> and an instance part.</summary>
    public static bool IsTag(string text)
    {
        var module = ModuleOf(text);
        return module.Length > 0 && char.IsAsciiLetterUpper(module[0]) && module.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
            && text[module.Length..].All(c => c == '-' || char.IsAsciiLetterOrDigit(c));
    }
}
