namespace Assistance.Domain.Applications;

// Who a registered close relative is related to: staff whose relatives' applications are flagged.
public enum StaffRole
{
    /// <summary>民政经办人员.</summary>
    Caseworker,

    /// <summary>村（居）委会干部.</summary>
    VillageCadre,
}
