namespace Postern.Ximss.Preferences;

/// <summary>Which preferences <c>prefsRead</c>/<c>prefsStore</c> address (docs/ximss.md §5.2).</summary>
internal enum PreferenceSet
{
    /// <summary>No <c>type</c>: the WebUser preferences shared with WebUser.</summary>
    WebUser,

    /// <summary><c>type="custom"</c>: the client's own dictionary, with no defaults.</summary>
    Custom,
}

internal static class PreferenceSets
{
    public static bool TryParse(string? type, out PreferenceSet set)
    {
        set = type is null ? PreferenceSet.WebUser : PreferenceSet.Custom;
        return type is null || type.Equals("custom", StringComparison.OrdinalIgnoreCase);
    }
}
