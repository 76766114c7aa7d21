using System.Xml.Linq;
using Postern.Testing;

namespace Postern.WebUser.BrowserTests;

/// <summary>
/// Mail sent from the browser takes the same submission and delivery path as XIMSS <c>messageSubmit</c>:
/// the recipient's XIMSS session, with its INBOX open, is told at once.
/// </summary>
public class XimssLiveDeliveryBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task AMessageSentFromComposeReachesTheRecipientsOpenXimssFolderLive()
    {
        await server.CreateAccountAsync("sender", "Sam Sender");
        await server.CreateAccountAsync("reader", "Rita Reader");

        // The recipient's client: XIMSS over TCP on the same HTTP port (its first byte is '<').
        await using var ximss = await XimssTcpClient.ConnectAsync(server.Port);
        await ximss.LoginAsync("reader@" + BrowserServer.Domain, BrowserServer.Password);
        var open = await ximss.RequestAsync("o",
            "<folderOpen id=\"o\" folder=\"IN\" mailbox=\"INBOX\" sortField=\"INTERNALDATE\" sortOrder=\"desc\"><field>E-From</field><field>Subject</field></folderOpen>");
        Assert.Equal("0", (string?)XElement.Parse(open[0]).Attribute("messages"));

        var page = await server.LogInAsync("sender");
        await page.ClickAsync("nav >> text=Compose");
        await page.FillAsync("#To", "Rita Reader <reader@" + BrowserServer.Domain + ">");
        await page.FillAsync("#Subject", "Sent from the browser");
        await page.FillAsync("#Body", "Live, please.");
        await page.ClickAsync("#send");
        await page.WaitForSelectorAsync("#messageCode");

        // The notification arrives unasked; the sync that follows brings the message.
        Assert.Equal("<folderReport folder=\"IN\" mode=\"notify\"/>", await ximss.ReceiveAsync());
        var sync = await ximss.RequestAsync("y", "<folderSync id=\"y\" folder=\"IN\"/>");
        var added = XElement.Parse(Assert.Single(sync, m => m.Contains("mode=\"added\"", StringComparison.Ordinal)));
        Assert.Equal(("sender@" + BrowserServer.Domain, "Sent from the browser"), ((string?)added.Element("E-From"), (string?)added.Element("Subject")));
    }
}
