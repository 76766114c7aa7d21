using Postern.Accounts.Preferences;
using Postern.Data;
using Postern.Ximss.Tests.Support;

namespace Postern.Ximss.Tests.Operations;

/// <summary>prefsRead and prefsStore.</summary>
public class PrefsTests : IAsyncLifetime
{
    private XimssHarness _ximss = null!;
    private Postern.Ximss.Engine.XimssChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _ximss = await XimssHarness.CreateAsync();
        _channel = _ximss.TcpChannel().Channel;
        await _ximss.LoginAsync(_channel);
    }

    public async Task DisposeAsync() => await _ximss.DisposeAsync();

    [Fact]
    public async Task ReadingNamedPreferencesGivesTheDefaultsInEffect()
    {
        var reply = await _ximss.SendAsync(_channel, "<prefsRead id=\"p\"><name>Language</name><name>TimeZone</name><name>NoSuchPref</name></prefsRead>");

        Assert.Equal(["<prefs id=\"p\"><Language>english</Language><TimeZone>HostOS</TimeZone></prefs>", "<response id=\"p\"/>"], reply);
    }

    [Fact]
    public async Task ReadingWithoutNamesGivesEveryPreference()
    {
        var reply = await _ximss.SendAsync(_channel, "<prefsRead id=\"p\"/>");

        foreach (var name in PreferencesService.BuiltIn.Keys)
            Assert.Matches($"<{name}(>|/>)", reply[0]);
    }

    [Fact]
    public async Task StoredPreferencesAreTheAccountsAndSharedWithWebUser()
    {
        var stored = await _ximss.SendAsync(_channel,
            "<prefsStore id=\"s\"><Language>german</Language><MailToFolders><subValue>Work</subValue><subValue>Home</subValue></MailToFolders></prefsStore>");
        var read = await _ximss.SendAsync(_channel, "<prefsRead id=\"r\"><name>Language</name><name>MailToFolders</name></prefsRead>");

        Assert.Equal(["<response id=\"s\"/>"], stored);
        Assert.Equal("<prefs id=\"r\"><Language>german</Language><MailToFolders><subValue>Work</subValue><subValue>Home</subValue></MailToFolders></prefs>", read[0]);
        var effective = await _ximss.Get<PreferencesService>().GetEffectiveAsync(await _ximss.AliceAsync(), CancellationToken.None);
        Assert.Equal(DataValue.Parse("(Work,Home)"), effective["MailToFolders"]);
    }

    [Fact]
    public async Task AnEmptyElementPutsTheDefaultBack()
    {
        await _ximss.SendAsync(_channel, "<prefsStore id=\"s\"><Language>german</Language></prefsStore>");

        await _ximss.SendAsync(_channel, "<prefsStore id=\"s\"><Language/></prefsStore>");

        Assert.Equal("<prefs id=\"r\"><Language>english</Language></prefs>", (await _ximss.SendAsync(_channel, "<prefsRead id=\"r\"><name>Language</name></prefsRead>"))[0]);
    }

    [Fact]
    public async Task CustomPreferencesAreKeptApartWithoutDefaults()
    {
        await _ximss.SendAsync(_channel, "<prefsStore id=\"s\" type=\"custom\"><Theme>dark</Theme></prefsStore>");

        var custom = await _ximss.SendAsync(_channel, "<prefsRead id=\"c\" type=\"custom\"/>");
        var webUser = await _ximss.SendAsync(_channel, "<prefsRead id=\"w\"><name>Theme</name></prefsRead>");

        Assert.Equal("<prefs id=\"c\" type=\"custom\"><Theme>dark</Theme></prefs>", custom[0]);
        Assert.Equal("<prefs id=\"w\"/>", webUser[0]);
    }

    [Theory]
    [InlineData("<prefsRead id=\"x\" type=\"default\"/>", "504", "invalid &quot;type&quot; attribute: expected custom, or no type")]
    [InlineData("<prefsStore id=\"x\"><CustomPrefs>a</CustomPrefs></prefsStore>", "505", "invalid &lt;CustomPrefs> element: a reserved name; store custom preferences with type=&quot;custom&quot;")]
    [InlineData("<prefsStore id=\"x\"><Language><b/></Language></prefsStore>", "505", "invalid &lt;Language> element: expected text, &lt;subValue> or &lt;subKey> elements")]
    public async Task BadPreferenceRequestsAreRefused(string request, string number, string text)
    {
        Assert.Equal([$"<response id=\"x\" errorText=\"{text}\" errorNum=\"{number}\"/>"], await _ximss.SendAsync(_channel, request));
    }

    [Fact]
    public async Task PreferencesBeyondTheStoreLimitAreRefusedAndNothingIsStored()
    {
        var huge = new string('x', Postern.Accounts.AccountLimits.MaxDictionaryTextLength);

        var reply = await _ximss.SendAsync(_channel, $"<prefsStore id=\"x\"><Language>german</Language><Notes>{huge}</Notes></prefsStore>");

        Assert.StartsWith("<response id=\"x\" errorText=\"request is too large: ", reply[0]);
        Assert.Equal("<prefs id=\"r\"><Language>english</Language></prefs>", (await _ximss.SendAsync(_channel, "<prefsRead id=\"r\"><name>Language</name></prefsRead>"))[0]);
    }
}
