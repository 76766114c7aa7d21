using Microsoft.Extensions.DependencyInjection;
using Postern.Data;
using Postern.Mime;
using Postern.Testing;
using System.Security.Cryptography.X509Certificates;
using Postern.WebUser.Components;
using Postern.WebUser.Components.Generic;
using Postern.WebUser.Rendering;
using Postern.WebUser.Tests.Components;

namespace Postern.WebUser.Tests.Rendering;

public class MessageRenderingTests : ComponentTestBase
{
    private MessageRenderContext RenderContext(uint uid = 1) => new()
    {
        Skin = Web.Services.Skins.Select(WebUserTestContext.Domain, ""),
        SessionPrefix = "/Session/" + Session.Id + "/",
        Mailbox = "INBOX",
        Uid = uid,
        PrivateKey = Session.ActivePrivateKey,
    };

    private static MimeMessage Parse(string file) => MimeMessage.Parse(TestData.Bytes("messages", file));

    private async Task<string> ShowAsync(byte[] message, params (string, string)[] extra)
    {
        var uid = await AppendAsync("INBOX", message);
        var context = await Web.RunAsync(Web.Provider.GetRequiredService<ComponentCatalog>().Find("Message")!, Session,
            [("Mailbox", "INBOX"), ("MSG", uid.ToString()), .. extra]);
        return context.Dataset["messageBody"].AsString!;
    }

    [Fact]
    public async Task RFC822MessageAndHeaderHaveTheSeedKeys()
    {
        var message = Parse("plain.eml");
        var context = RenderContext();

        var dataset = RFC822Message.CreateDataset(message, context, null, isSubPart: false, Web.Provider.GetRequiredService<MessageRenderer>());
        var header = RFC822Header.CreateDataset(message, context, null);

        Assert.Equal(["filesRef", "MIMEPart", "RFC822Body", "RFC822Header"], WebUserTestContext.KeysOf(dataset).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(["filesRef", "MIMEPart", "RFC822Fields"], WebUserTestContext.KeysOf(header).Order(StringComparer.OrdinalIgnoreCase));
        var fields = ((DataArray)header["RFC822Fields"]).Cast<DataDictionary>().Select(f => (f["name"].AsString, f["value"].AsString)).ToList();
        Assert.Equal([("From", "Ann Example <ann@example.org>"), ("Subject", "Lunch on Friday?"), ("Date", "Tue, 05 Mar 2024 14:25:00 +0000"),
            ("To", "Alice Liddell <alice@example.com>")], fields);
    }

    [Fact]
    public async Task PlainTextGetsLinksQuotationsAndMailtoToCompose()
    {
        var shown = await ShowAsync(System.Text.Encoding.UTF8.GetBytes(
            "From: a@example.org\r\nSubject: Links\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee https://www.example.org/page and write to bob@example.com.\r\n> quoted line\r\n"));

        Assert.Contains("<a href=\"https://www.example.org/page\"", shown);
        Assert.Contains("rel=\"noopener noreferrer\"", shown);
        Assert.Contains("href=\"Compose.wssp?To=bob%40example.com\"", shown);
        Assert.Contains("<blockquote type=\"cite\">", shown);
    }

    [Fact]
    public void AttachmentPartCleansTheFileName()
    {
        var message = Parse("multipart-attachment.eml");
        var image = message.FindPart("03")!;

        var dataset = AttachmentPart.CreateDataset(image, RenderContext(), null);

        Assert.Equal(["attachmentName", "decodedSize", "fileName", "filesRef", "MIMEPart"], WebUserTestContext.KeysOf(dataset).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal("../../etc/logo.png", dataset["attachmentName"].AsString);
        Assert.Equal("logo.png", dataset["fileName"].AsString);
        Assert.Equal("ImagePart.wssp", AttachmentPart.PageFor(image.ContentType.MimeType));
    }

    [Fact]
    public async Task AUuencodedFileBecomesAnEmbeddedAttachment()
    {
        var message = Parse("uuencoded.eml");
        var file = message.Body.FindEmbeddedFiles().Single();

        var dataset = AttachmentPart.CreateDataset(file, message.Body, RenderContext(), null);
        var shown = await ShowAsync(TestData.Bytes("messages", "uuencoded.eml"));

        Assert.Equal("1", dataset["embeddedPart"].AsString);
        Assert.Equal("hello.txt", dataset["fileName"].AsString);
        Assert.Contains("Embedded=1", dataset["MIMEPart"].AsString);
        Assert.Contains("The file is below.", shown);
        Assert.Contains("hello.txt</a>", shown);
        Assert.DoesNotContain("begin 644", shown);
    }

    [Fact]
    public async Task ADeliveryReportListsMessageAndRecipientFields()
    {
        var message = Parse("delivery-report.eml");
        var dataset = DeliveryReportPart.CreateDataset(message.FindPart("02")!, RenderContext(), null);
        var shown = await ShowAsync(TestData.Bytes("messages", "delivery-report.eml"));

        Assert.Equal(["filesRef", "MessageFields", "MIMEPart", "Reports"], WebUserTestContext.KeysOf(dataset).Order(StringComparer.OrdinalIgnoreCase));
        var recipient = ((DataArray)((DataArray)dataset["Reports"])[0]).Cast<DataDictionary>().ToDictionary(f => f["name"].AsString!, f => f["value"].AsString);
        Assert.Equal("5.1.1", recipient["Status"]);
        Assert.Contains("Delivery report", shown);
        Assert.Contains("subMessage", shown);
    }

    [Fact]
    public async Task AReadReceiptListsItsFields()
    {
        var message = Parse("disposition-report.eml");
        var dataset = DispositionReportPart.CreateDataset(message.FindPart("02")!, RenderContext(), null);
        var shown = await ShowAsync(TestData.Bytes("messages", "disposition-report.eml"));

        Assert.Equal(["fields", "filesRef", "MIMEPart"], WebUserTestContext.KeysOf(dataset).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Contains("manual-action/MDN-sent-manually; displayed", shown);
    }

    [Fact]
    public async Task AValidSignatureListsTheSigner()
    {
        using var signer = SmimeMessages.CreateCertificate("signer@example.org", "Sam Signer");
        var message = MimeMessage.Parse(SmimeMessages.Signed(signer, "I mean it."));

        var dataset = SignedPart.CreateDataset(message.Body, RenderContext(), null, Web.Provider.GetRequiredService<MessageRenderer>());

        Assert.Equal(["digesterName", "encoding", "filesRef", "MIMEPart", "signatures", "signedPart"], WebUserTestContext.KeysOf(dataset).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal("Text", dataset["encoding"].AsString);
        var signature = (DataDictionary)((DataArray)dataset["signatures"]).Single();
        Assert.Equal(("signer@example.org", "Sam Signer", "Example Org", "GB"),
            (signature["contact"].AsString, signature["commonName"].AsString, signature["Organization"].AsString, signature["Country"].AsString));
        // The signature holds, but nobody vouches for a self-signed certificate.
        Assert.Equal("The certificate is not issued by a trusted certificate authority.", signature["trustErrorCode"].AsString);
        Assert.False(signature.ContainsKey("trusted"));
        Assert.Contains("I mean it.", dataset["signedPart"].AsString);
    }

    [Fact]
    public async Task AChangedSignedMessageSaysTheSignatureIsBad()
    {
        using var signer = SmimeMessages.CreateCertificate("signer@example.org", "Sam Signer");

        var shown = await ShowAsync(SmimeMessages.Signed(signer, "Pay 10.", tamper: true));

        Assert.Contains("Bad signature", shown);
        Assert.Contains("Pay 10. (changed)", shown);
    }

    [Fact]
    public async Task AnEncryptedMessageNeedsTheUnlockedKey()
    {
        using var key = SmimeMessages.CreateCertificate("alice@example.com", "Alice Liddell");
        var encrypted = SmimeMessages.Encrypted(key, "The secret is 42.");

        var locked = await ShowAsync(encrypted);
        Session.ActivePrivateKey = X509Clone(key);
        var unlocked = await ShowAsync(encrypted);
        var dataset = EncryptedPart.CreateDataset(MimeMessage.Parse(encrypted).Body, RenderContext(), null, Web.Provider.GetRequiredService<MessageRenderer>());

        Assert.Contains(EncryptedPart.NoKey, locked);
        Assert.DoesNotContain("The secret is 42.", locked);
        Assert.Contains("The secret is 42.", unlocked);
        Assert.Equal(["cipherName", "decryptedPart", "filesRef", "keyLength", "MIMEPart"], WebUserTestContext.KeysOf(dataset).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal("256", dataset["keyLength"].AsString);
    }

    [Fact]
    public async Task SmimeUnlockActivatesTheStoredKeyWithItsPassword()
    {
        using var key = SmimeMessages.CreateCertificate("alice@example.com", "Alice Liddell");
        await Web.Services.Accounts.UpdateSettingsAsync(Account,
            new DataDictionary { [GenericSessionElements.SmimeKeySetting] = new DataBlock(key.Export(X509ContentType.Pkcs12, "unlock-me")) }, Ct);
        var session = await Web.OpenSessionAsync((await Web.Store.Accounts.GetAsync(Account.Id, Ct))!);

        var before = await Web.RunAsync(new Hello(), session);
        var wrong = await RunGenericAsync(session, ("SMIMEUnlock", "1"), ("SMIMEPassword", "nope"));
        var right = await RunGenericAsync(session, ("SMIMEUnlock", "1"), ("SMIMEPassword", "unlock-me"));

        Assert.Equal("YES", before.Dataset["SMIMEInactive"].AsString);
        Assert.Equal("Incorrect S/MIME Password", wrong.Dataset["SMIMEError"].AsString);
        Assert.Equal("YES", right.Dataset["SMIMEActive"].AsString);
        Assert.NotNull(session.ActivePrivateKey);
    }

    private async Task<ComponentContext> RunGenericAsync(Sessions.WebUserSession session, params (string Name, string Value)[] parameters)
    {
        var context = new ComponentContext(session, Web.Services, WebUserTestContext.Parameters(parameters), Ct);
        await GenericSessionElements.RunActionsAsync(context);
        GenericSessionElements.AddTo(context);
        return context;
    }

    private static X509Certificate2 X509Clone(X509Certificate2 key) =>
        X509CertificateLoader.LoadPkcs12(key.Export(X509ContentType.Pkcs12, "x"), "x");

    /// <summary>A component with no work of its own: the generic elements only (as for Hello.wssp).</summary>
    private sealed class Hello : WebUserComponent
    {
        public override string Name => "Hello";

        public override Task ProcessAsync(ComponentContext context)
        {
            GenericSessionElements.AddTo(context);
            return Task.CompletedTask;
        }
    }
}
