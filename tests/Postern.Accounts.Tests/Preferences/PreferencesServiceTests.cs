using Postern.Accounts.Preferences;
using Postern.Data;

namespace Postern.Accounts.Tests.Preferences;

public class PreferencesServiceTests : AccountsContext
{
    [Fact]
    public async Task EachPreferenceResolvesAccountThenDomainThenServerThenBuiltIn()
    {
        var alice = await CreateAccountAsync();
        var domain = await Domains.GetAsync("example.com", Ct);
        await Preferences.UpdateServerDefaultsAsync(new DataDictionary { ["Language"] = "german", ["SkinName"] = "Server" }, Ct);
        await Preferences.UpdateDomainDefaultsAsync(domain, new DataDictionary { ["SkinName"] = "Domain", ["TimeZone"] = "Europe/Berlin" }, Ct);
        await Preferences.UpdateAsync(alice, new DataDictionary { ["TimeZone"] = "Asia/Tokyo" }, Ct);

        var effective = await Preferences.GetEffectiveAsync(await ReloadAsync(alice), Ct);

        Assert.Equal("Asia/Tokyo", effective["TimeZone"].AsString);
        Assert.Equal("Domain", effective["SkinName"].AsString);
        Assert.Equal("german", effective["Language"].AsString);
        Assert.Equal("Move To Trash", effective["DeleteMethod"].AsString);
        Assert.True(effective.IsReadOnly);
    }

    [Fact]
    public async Task NullValueRevertsAPreferenceToItsDefault()
    {
        var alice = await CreateAccountAsync();
        await Preferences.UpdateAsync(alice, new DataDictionary { ["Language"] = "french", ["SkinName"] = "Mine" }, Ct);

        await Preferences.UpdateAsync(alice, new DataDictionary { ["Language"] = DataNull.Value }, Ct);

        var reloaded = await ReloadAsync(alice);
        Assert.Equal("{SkinName=Mine;}", PreferencesService.GetOwn(reloaded).ToString());
        Assert.Equal("english", (await Preferences.GetEffectiveAsync(reloaded, Ct))["Language"].AsString);
    }

    [Fact]
    public async Task PreferenceNamesAreCaseInsensitive()
    {
        var alice = await CreateAccountAsync();

        await Preferences.UpdateAsync(alice, new DataDictionary { ["language"] = "french" }, Ct);

        Assert.Equal("french", (await Preferences.GetEffectiveAsync(await ReloadAsync(alice), Ct))["LANGUAGE"].AsString);
    }

    [Fact]
    public async Task CustomPreferencesAreSeparateAndGetNoDefaults()
    {
        var alice = await CreateAccountAsync();
        await Preferences.UpdateAsync(alice, new DataDictionary { ["Language"] = "french" }, Ct);

        await Preferences.UpdateCustomAsync(alice, new DataDictionary { ["Layout"] = "wide", ["Language"] = "klingon" }, Ct);
        await Preferences.UpdateCustomAsync(alice, new DataDictionary { ["Layout"] = DataNull.Value }, Ct);

        var reloaded = await ReloadAsync(alice);
        Assert.Equal("{Language=klingon;}", PreferencesService.GetCustom(reloaded).ToString());
        Assert.Equal("{Language=french;}", PreferencesService.GetOwn(reloaded).ToString());
        Assert.False((await Preferences.GetEffectiveAsync(reloaded, Ct)).ContainsKey(PreferencesService.CustomKey));
        await Assert.ThrowsAsync<AccountsException>(() => Preferences.UpdateAsync(reloaded,
            new DataDictionary { [PreferencesService.CustomKey] = new DataDictionary() }, Ct));
    }

    [Fact]
    public async Task UnreadableStoredPreferencesReadAsEmpty()
    {
        var alice = await CreateAccountAsync();
        await Store.Accounts.SetPrefsAsync(alice.Id, "{Language = \"unterminated", Ct);

        var effective = await Preferences.GetEffectiveAsync(await ReloadAsync(alice), Ct);

        Assert.Equal("english", effective["Language"].AsString);
    }

    [Fact]
    public void BuiltInPreferencesLoadFromTheirDataFile()
    {
        Assert.Equal("english", PreferencesService.BuiltIn["Language"].AsString);
        Assert.Equal("Sent", PreferencesService.BuiltIn["SentBox"].AsString);
    }

    private async Task<Storage.AccountRecord> ReloadAsync(Storage.AccountRecord account) => (await Store.Accounts.GetAsync(account.Id, Ct))!;
}
