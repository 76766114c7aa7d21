namespace Postern.WebUser.Components;

/// <summary>
/// A session code component (WebApp, "Code Components for Session Requests"): it processes the request
/// parameters and produces the dataset that the page of the same name renders.
/// </summary>
public abstract class WebUserComponent
{
    /// <summary>No action parameters.</summary>
    protected static readonly IReadOnlySet<string> NoActions = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The component name as the seed gives it (<c>Mailboxes</c>); its page is <c>&lt;Name&gt;.wssp</c>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The parameters that make this component change something. A request carrying any of them must carry
    /// the session's form token; otherwise they are dropped and the page shows an error instead.
    /// </summary>
    public virtual IReadOnlySet<string> ActionParameters => NoActions;

    /// <summary>
    /// When true the whole request is an action (Bye): without a valid form token the component is not run
    /// at all, and the page renders with the error alone.
    /// </summary>
    public virtual bool IsActionOnly => false;

    /// <summary>Runs the component's actions and fills <see cref="ComponentContext.Dataset"/>.</summary>
    public abstract Task ProcessAsync(ComponentContext context);

    /// <summary>An action-parameter set from names (exact letter case).</summary>
    protected static IReadOnlySet<string> Actions(params string[] names) => new HashSet<string>(names, StringComparer.Ordinal);
}
