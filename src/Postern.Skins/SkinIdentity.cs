namespace Postern.Skins;

/// <summary>The three places skins live, from most to least specific.</summary>
public enum SkinLevel
{
    /// <summary>A domain's own skins, under the data directory; only that domain's users see them.</summary>
    Domain,

    /// <summary>Server-wide skins, under the data directory; every domain sees them.</summary>
    Server,

    /// <summary>The skins shipped with Postern; read-only.</summary>
    Stock,

    /// <summary>
    /// A skin author's working directory, looked up before the selected skin by
    /// <see cref="SelectedSkin.WithWorkingDirectory"/> (<c>postern skin render</c>); <see cref="SkinIdentity.Domain"/>
    /// holds the directory.
    /// </summary>
    Working,
}

/// <summary>Which browsers a skin serves, decided by its name (WebApp, "WAP/WML Skins" and "cHTML Skins").</summary>
public enum SkinKind
{
    /// <summary>An ordinary HTML skin.</summary>
    Regular,

    /// <summary>A name starting with <c>WML</c>: for WAP/WML browsers.</summary>
    Wml,

    /// <summary>A name starting with <c>IMode</c>: for I-Mode (cHTML) browsers.</summary>
    CHtml,
}

/// <summary>One skin: its level, its domain (for domain skins) and its name (<c>""</c> for the Unnamed skin).</summary>
public sealed record SkinIdentity(SkinLevel Level, string? Domain, string Name)
{
    /// <summary>True for the Unnamed skin of its level.</summary>
    public bool IsUnnamed => Name.Length == 0;

    /// <summary>For messages: <c>server skin Golden</c>, <c>domain example.com unnamed skin</c>.</summary>
    public override string ToString()
    {
        var where = Level switch
        {
            SkinLevel.Domain => $"domain {Domain}",
            SkinLevel.Server => "server",
            SkinLevel.Working => $"working directory {Domain}",
            _ => "stock",
        };
        return IsUnnamed ? $"{where} unnamed skin" : $"{where} skin {Name}";
    }
}
