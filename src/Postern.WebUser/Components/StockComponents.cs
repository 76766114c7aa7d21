namespace Postern.WebUser.Components;

/// <summary>The session code components Postern implements.</summary>
public static class StockComponents
{
    public static IReadOnlyList<WebUserComponent> Create() =>
    [
        new Alerts(),
        new Bye(),
        new Mailboxes(),
        new MailboxSettings(),
        new Password(),
        new PublicInfo(),
        new Subscription(),
    ];
}
