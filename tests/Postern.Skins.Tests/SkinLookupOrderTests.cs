namespace Postern.Skins.Tests;

/// <summary>The selection and lookup-order rules, checked as pure functions against sets of existing skins.</summary>
public class SkinLookupOrderTests
{
    private static readonly SkinIdentity s_domainGolden = new(SkinLevel.Domain, "example.com", "Golden");
    private static readonly SkinIdentity s_domainUnnamed = new(SkinLevel.Domain, "example.com", "");
    private static readonly SkinIdentity s_serverGolden = new(SkinLevel.Server, null, "Golden");
    private static readonly SkinIdentity s_serverUnnamed = new(SkinLevel.Server, null, "");
    private static readonly SkinIdentity s_stockGolden = new(SkinLevel.Stock, null, "Golden");
    private static readonly SkinIdentity s_stockUnnamed = new(SkinLevel.Stock, null, "");

    private static Func<SkinIdentity, bool> Existing(params SkinIdentity[] skins) => skins.Contains;

    [Fact]
    public void DomainSkinIsPreferred()
    {
        var exists = Existing(s_domainGolden, s_serverGolden, s_stockGolden, s_serverUnnamed, s_stockUnnamed);

        Assert.Equal(s_domainGolden, SkinLookupOrder.Select("example.com", "Golden", exists));
    }

    [Fact]
    public void ServerSkinIsUsedWhenTheDomainHasNone()
    {
        Assert.Equal(s_serverGolden, SkinLookupOrder.Select("example.com", "Golden", Existing(s_serverGolden, s_stockGolden)));
        Assert.Equal(s_serverGolden, SkinLookupOrder.Select(null, "Golden", Existing(s_domainGolden, s_serverGolden)));
    }

    [Fact]
    public void StockSkinIsUsedWhenNoCustomSkinHasTheName()
    {
        Assert.Equal(s_stockGolden, SkinLookupOrder.Select("example.com", "Golden", Existing(s_stockGolden, s_serverUnnamed)));
    }

    [Fact]
    public void UnknownNameFallsBackToTheUnnamedStockSkin()
    {
        // WebApp: "If the Named Stock Skin is not found either, the Unnamed Stock Skin is used."
        var exists = Existing(s_domainUnnamed, s_serverUnnamed, s_stockUnnamed);

        Assert.Equal(s_stockUnnamed, SkinLookupOrder.Select("example.com", "Missing", exists));
    }

    [Fact]
    public void UnnamedSkinComesFromTheDomainThenTheServerThenStock()
    {
        Assert.Equal(s_domainUnnamed, SkinLookupOrder.Select("example.com", "", Existing(s_domainUnnamed, s_serverUnnamed)));
        Assert.Equal(s_serverUnnamed, SkinLookupOrder.Select("example.com", "", Existing(s_serverUnnamed, s_stockUnnamed)));
        Assert.Equal(s_stockUnnamed, SkinLookupOrder.Select("example.com", "", Existing(s_stockUnnamed)));
    }

    public static TheoryData<SkinIdentity, SkinIdentity[], SkinIdentity[]> Chains() => new()
    {
        // Domain named skin: its server and stock namesakes, then the unnamed server and stock skins (not the domain's unnamed).
        { s_domainGolden, [s_domainGolden, s_domainUnnamed, s_serverGolden, s_serverUnnamed, s_stockGolden, s_stockUnnamed],
            [s_domainGolden, s_serverGolden, s_stockGolden, s_serverUnnamed, s_stockUnnamed] },
        // Missing namesakes are skipped.
        { s_domainGolden, [s_domainGolden, s_stockUnnamed], [s_domainGolden, s_stockUnnamed] },
        // Server named skin.
        { s_serverGolden, [s_serverGolden, s_serverUnnamed, s_stockGolden, s_stockUnnamed],
            [s_serverGolden, s_stockGolden, s_serverUnnamed, s_stockUnnamed] },
        // Stock named skin: the server's unnamed skin still shadows the stock unnamed skin.
        { s_stockGolden, [s_serverUnnamed, s_stockGolden, s_stockUnnamed], [s_stockGolden, s_serverUnnamed, s_stockUnnamed] },
        // Domain unnamed skin: server unnamed, then stock unnamed.
        { s_domainUnnamed, [s_domainUnnamed, s_serverUnnamed, s_stockUnnamed], [s_domainUnnamed, s_serverUnnamed, s_stockUnnamed] },
        // Server unnamed skin.
        { s_serverUnnamed, [s_serverUnnamed, s_stockUnnamed], [s_serverUnnamed, s_stockUnnamed] },
        // Stock unnamed skin alone.
        { s_stockUnnamed, [s_serverUnnamed, s_stockUnnamed], [s_stockUnnamed] },
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public void FilesAreLookedUpInTheSeedOrder(SkinIdentity selected, SkinIdentity[] existing, SkinIdentity[] expected)
    {
        Assert.Equal(expected, SkinLookupOrder.Chain(selected, Existing(existing)));
    }

    [Theory]
    [InlineData("WML", SkinKind.Wml)]
    [InlineData("wmlSimple", SkinKind.Wml)]
    [InlineData("IMode", SkinKind.CHtml)]
    [InlineData("iModeJapan", SkinKind.CHtml)]
    [InlineData("Golden", SkinKind.Regular)]
    [InlineData("MyWML", SkinKind.Regular)]
    public void SkinKindComesFromTheNamePrefix(string name, SkinKind kind)
    {
        Assert.Equal(kind, SkinNames.KindOf(name));
    }
}
