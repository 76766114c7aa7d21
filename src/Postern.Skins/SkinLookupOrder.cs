namespace Postern.Skins;

/// <summary>
/// The WebApp rules that pick a skin and the order its files are looked up in; pure functions of which
/// skins exist.
/// </summary>
public static class SkinLookupOrder
{
    /// <summary>
    /// The skin a request uses (WebApp, "Skins"): "If the Skin with the specified Name is not found in the
    /// set of the Domain Skins, the Server-wide Skin sets are checked. If the Skin with the specified name
    /// is still not found, the Stock Skin with this name is used. If the Named Stock Skin is not found
    /// either, the Unnamed Stock Skin is used." The empty name is the Unnamed skin.
    /// </summary>
    /// <param name="domain">The domain (lower-case), or <see langword="null"/> outside any domain.</param>
    /// <param name="skinName">The requested name, as it exists at some level; <c>""</c> for the Unnamed skin.</param>
    /// <param name="exists">Whether a skin exists at a level (names compared case-insensitively).</param>
    public static SkinIdentity Select(string? domain, string skinName, Func<SkinIdentity, bool> exists)
    {
        if (domain is not null && exists(new SkinIdentity(SkinLevel.Domain, domain, skinName)))
            return new SkinIdentity(SkinLevel.Domain, domain, skinName);
        if (exists(new SkinIdentity(SkinLevel.Server, null, skinName)))
            return new SkinIdentity(SkinLevel.Server, null, skinName);
        return new SkinIdentity(SkinLevel.Stock, null, exists(new SkinIdentity(SkinLevel.Stock, null, skinName)) ? skinName : "");
    }

    /// <summary>
    /// The skins a file is looked for in, selected skin first (WebApp, "Skin Files Hierarchy"): "If the
    /// requested file is not found in the selected Skin, and the selected Skin is a Domain Skin, the file
    /// is retrieved from the Server-wide Skin with the same name. If the requested file is not found in
    /// the Server-wide Skin, the Stock Skin with the same name is checked. If the file is still not found,
    /// and the selected Skin is a Named Skin, then unnamed Server-wide and unnamed Stock Skins are
    /// checked." Skins that do not exist are left out. Text Dataset strings fall back along the same order.
    /// </summary>
    public static IReadOnlyList<SkinIdentity> Chain(SkinIdentity selected, Func<SkinIdentity, bool> exists)
    {
        var chain = new List<SkinIdentity> { selected };
        void AddIfExists(SkinIdentity skin)
        {
            if (exists(skin) && !chain.Contains(skin))
                chain.Add(skin);
        }

        if (selected.Level == SkinLevel.Domain)
            AddIfExists(selected with { Level = SkinLevel.Server, Domain = null });
        if (selected.Level != SkinLevel.Stock)
            AddIfExists(new SkinIdentity(SkinLevel.Stock, null, selected.Name));
        if (!selected.IsUnnamed)
        {
            AddIfExists(new SkinIdentity(SkinLevel.Server, null, ""));
            AddIfExists(new SkinIdentity(SkinLevel.Stock, null, ""));
        }
        return chain;
    }
}
