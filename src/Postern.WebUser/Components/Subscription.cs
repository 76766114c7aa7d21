using System.Globalization;
using Postern.Accounts;
using Postern.Data;
using Postern.Mail;
using Postern.Mail.Mailboxes;

namespace Postern.WebUser.Components;

/// <summary>WebApp, Subscription: the subscription list and the mailbox aliases; opens a mailbox by name.</summary>
public sealed class Subscription : WebUserComponent
{
    private static readonly IReadOnlySet<string> s_actions = Actions("Update");

    public override string Name => "Subscription";

    public override IReadOnlySet<string> ActionParameters => s_actions;

    public override async Task ProcessAsync(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.Parameters;
        if (parameters.Has("Open") && parameters.TryGetNonEmpty("MailboxName", out var open))
        {
            // WebApp: the name "is added to the result dataset as the jump element, and the request processing ends".
            if (MailboxName.TryNormalize(open, out var jump, out var error))
                context.Dataset["jump"] = jump;
            else
                context.SetError(error);
            return;
        }
        if (parameters.Has("Update"))
        {
            if (await context.TryAsync(() => UpdateAsync(context)))
                context.SetMessage("Updated");
            context.Session.InvalidateMailboxes();
        }

        var services = context.Services;
        context.Dataset["subscription"] = DataArray.OfStrings(await services.Mailboxes.ListSubscriptionsAsync(context.Account, context.CancellationToken));
        var aliases = await services.Mailboxes.ListAliasesAsync(context.Account, context.CancellationToken);
        var list = new DataArray(aliases.Count);
        for (var i = 0; i < aliases.Count; i++)
            list.Add(new DataDictionary { ["index"] = i.ToString(CultureInfo.InvariantCulture), ["name"] = aliases[i].Name, ["ref"] = aliases[i].Target });
        context.Dataset["aliases"] = list;
    }

    /// <summary>
    /// WebApp: the <c>Elem</c> parameters are the new subscription list; each <c>AliasName</c> nnn names a
    /// pair <c>annn</c> (alias) and <c>mnnn</c> (the mailbox it refers to, <c>~account@domain/mailbox</c>),
    /// and the pairs are the new set of aliases. Every name is checked before anything changes.
    /// </summary>
    private static async Task UpdateAsync(ComponentContext context)
    {
        var parameters = context.Parameters;
        var subscription = parameters.GetAll("Elem").Where(e => e.Trim().Length > 0).Select(MailboxName.Normalize).ToHashSet(StringComparer.Ordinal);
        var aliases = new Dictionary<string, (AccountName Owner, string Mailbox)>(StringComparer.Ordinal);
        foreach (var index in parameters.GetAll("AliasName"))
        {
            if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || !parameters.TryGetNonEmpty("a" + n, out var alias) || !parameters.TryGetNonEmpty("m" + n, out var target))
                continue;
            aliases[MailboxName.Normalize(alias)] = ParseTarget(target);
        }

        var services = context.Services;
        var account = context.Account;
        var ct = context.CancellationToken;
        foreach (var name in await services.Mailboxes.ListSubscriptionsAsync(account, ct))
        {
            if (!subscription.Contains(name))
                await services.Mailboxes.SetSubscribedAsync(account, name, false, ct);
        }
        foreach (var name in subscription)
            await services.Mailboxes.SetSubscribedAsync(account, name, true, ct);
        foreach (var existing in await services.Mailboxes.ListAliasesAsync(account, ct))
        {
            if (!aliases.ContainsKey(existing.Name))
                await services.Mailboxes.RemoveAliasAsync(account, existing.Name, ct);
        }
        foreach (var (name, (owner, mailbox)) in aliases)
            await services.Mailboxes.SetAliasAsync(account, name, owner, mailbox, ct);
    }

    /// <summary>Reads <c>~account@domain/mailbox</c> (the leading <c>~</c> may be left out).</summary>
    private static (AccountName Owner, string Mailbox) ParseTarget(string target)
    {
        var text = target.Trim().TrimStart('~');
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1 || !AccountName.TryParse(text[..slash], out var owner, out _))
            throw new MailException($"\"{target}\" is not a mailbox of another account (~account@domain/mailbox)");
        return (owner, MailboxName.Normalize(text[(slash + 1)..]));
    }
}
