namespace Postern.WebUser.Components;

/// <summary>WebApp, Contacts: "Processed in the same way as the Mailbox page".</summary>
public sealed class Contacts : Mailbox
{
    public override string Name => "Contacts";
}
