namespace Assistance.Application.CloseRelatives;

public enum StaffRole
{
    /// <summary>民政经办人员.</summary>
    Caseworker,

    /// <summary>村（居）委会干部.</summary>
    VillageCadre,
}
