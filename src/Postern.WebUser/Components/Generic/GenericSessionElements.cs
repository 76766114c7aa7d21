using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Postern.Accounts;
using Postern.Data;
using Postern.Mail.Messages;
using Postern.Storage;

namespace Postern.WebUser.Components.Generic;

/// <summary>
/// What the server does for every session page (WebApp, "Code Components for Session Requests"): the
/// generic actions <c>EmptyTrashNow</c> and <c>SMIMEUnlock</c>, and the generic dataset elements.
/// </summary>
public static class GenericSessionElements
{
    /// <summary>The account setting that holds the user's S/MIME key and certificate: a password-protected PKCS#12 datablock.</summary>
    public const string SmimeKeySetting = "SMIMEKey";

    /// <summary>The generic parameters that change something and need the form token.</summary>
    public static IReadOnlySet<string> ActionParameters { get; } = new HashSet<string>(["EmptyTrashNow", "SMIMEUnlock"], StringComparer.Ordinal);

    /// <summary>Runs <c>EmptyTrashNow</c> and <c>SMIMEUnlock</c> when the request asks for them.</summary>
    public static async Task RunActionsAsync(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Parameters.Has("EmptyTrashNow"))
            await EmptyTrashAsync(context);
        if (context.Parameters.Has("SMIMEUnlock") && context.Session.ActivePrivateKey is null
            && SmimeKeyOf(context.Account) is { } pkcs12 && context.Parameters["SMIMEPassword"] is { } password)
        {
            try
            {
                var certificate = X509CertificateLoader.LoadPkcs12(pkcs12, password, X509KeyStorageFlags.EphemeralKeySet);
                if (certificate.HasPrivateKey)
                    context.Session.ActivePrivateKey = certificate;
                else
                {
                    certificate.Dispose();
                    context.Dataset["SMIMEError"] = "The stored S/MIME certificate has no private key";
                }
            }
            catch (CryptographicException)
            {
                context.Dataset["SMIMEError"] = "Incorrect S/MIME Password";
            }
        }
    }

    /// <summary>
    /// Adds the generic elements a component did not set itself: <c>messageText</c>, <c>messageCode</c>,
    /// <c>secureChannel</c>, <c>isWML</c>, <c>charset</c>, <c>SMIMEActive</c>, <c>SMIMEInactive</c>, <c>mailboxes</c>.
    /// </summary>
    public static void AddTo(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = context.Dataset;
        if (context.Parameters["messageText"] is { } text)
            dataset.TryAdd("messageText", text);
        if (context.Parameters["messageCode"] is { } code)
            dataset.TryAdd("messageCode", code);
        if (context.IsSecure)
            dataset.TryAdd("secureChannel", DataString.Yes);
        if (context.IsWml)
            dataset.TryAdd("isWML", DataString.Yes);
        // WebApp: the Preferred Charset when "Use UTF8" is Never, otherwise utf-8.
        dataset.TryAdd("charset", context.Preferences.UseUtf8 == Sessions.Utf8Use.Never ? context.Preferences.Charset : "utf-8");
        if (context.Session.ActivePrivateKey is not null)
            dataset.TryAdd("SMIMEActive", DataString.Yes);
        else if (SmimeKeyOf(context.Account) is not null)
            dataset.TryAdd("SMIMEInactive", DataString.Yes);
        dataset.TryAdd("mailboxes", DataArray.OfStrings(context.Session.Mailboxes));
    }

    /// <summary>The account's stored PKCS#12 key, or null.</summary>
    public static byte[]? SmimeKeyOf(AccountRecord account) =>
        AccountService.GetSettings(account).Find(SmimeKeySetting) is DataBlock { } block ? block.Bytes.ToArray() : null;

    /// <summary>
    /// WebApp, EmptyTrashNow: "if the mailbox or mailbox alias with the name Trash can be opened with the
    /// Can Delete Mailbox Access Right, then the code component removes all messages from that mailbox".
    /// </summary>
    private static async Task EmptyTrashAsync(ComponentContext context)
    {
        await context.TryAsync(async () =>
        {
            var trash = await context.Services.Access.GetAsync(context.User, context.Preferences.TrashBox, context.CancellationToken);
            await context.Services.Operations.RemoveAllAsync(context.User, trash, DeleteMethod.Immediately, context.CancellationToken);
        });
    }
}
