namespace CreatioIdentity.Sandbox.Creatio.Recording;

/// <summary>Endpoint metadata marking a call that changes Creatio, so the record can say so.</summary>
internal sealed class WriteEndpoint
{
    public static readonly WriteEndpoint Instance = new();

    private WriteEndpoint()
    {
    }
}
