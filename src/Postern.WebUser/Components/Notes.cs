namespace Postern.WebUser.Components;

/// <summary>WebApp, Notes: "Processed in the same way as the Mailbox page".</summary>
public sealed class Notes : Mailbox
{
    public override string Name => "Notes";
}
