using Microsoft.Extensions.DependencyInjection;
using Postern.WebUser.Mail;
using Postern.WebUser.Rendering;

namespace Postern.WebUser.Components;

/// <summary>The session code components Postern implements.</summary>
public static class StockComponents
{
    public static IReadOnlyList<WebUserComponent> Create(IServiceProvider services) =>
    [
        new Alerts(),
        new Bye(),
        new Compose(services.GetRequiredService<MessageRenderer>(), services.GetRequiredService<AddressBook>()),
        new Contacts(),
        new Mailbox(),
        new Mailboxes(),
        new MailboxSettings(),
        new Message(services.GetRequiredService<MessageRenderer>(), services.GetRequiredService<AddressBook>()),
        new Notes(),
        new Password(),
        new PublicInfo(),
        new Subscription(),
        new WebSite(),
    ];
}
