import type { OfficeAccessibility, TriState } from '#contracts/offices.ts';

/**
 * Export of an office's accessibility facts as A11yJSON (https://a11yjson.org): a PlaceInfo with
 * `properties.accessibility`. A11yJSON has no tri-state: a fact that is `unknown` is left out
 * (absence means "not known" there), `yes`/`no` become true/false.
 */
export interface A11yOfficeInput {
  id: string;
  name: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  lat: number;
  lon: number;
  phone: string;
  email: string;
  web: string;
  accessibility: OfficeAccessibility;
}

type Json = Record<string, unknown>;

const bool = (t: TriState): boolean | undefined => (t === 'unknown' ? undefined : t === 'yes');

/** Drops undefined values so absent facts stay absent. */
function compact(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export function toA11yJson(office: A11yOfficeInput): Json {
  const a = office.accessibility;
  const entrances = a.entrances.map((e) =>
    compact({
      properties: compact({
        name: e.name ? { de: e.name } : undefined,
        isMainEntrance: e.isMainEntrance,
        isLevel: e.stepCount === null ? undefined : e.stepCount === 0,
        hasFixedRamp: bool(e.ramp),
        stairs: e.stepCount === null || e.stepCount === 0 ? undefined : { count: e.stepCount },
        hasSignage: bool(a.signage.atEntrance),
        door: compact({
          isAutomatic: bool(e.automaticDoor),
          width: e.doorWidthCm === null ? undefined : { value: e.doorWidthCm, unit: 'cm' },
        }),
      }),
    }),
  );
  const elevator = a.elevator.exists === 'yes' ? [compact({ category: 'elevator', isWorking: bool(a.elevator.working) })] : undefined;
  const signage = compact({ hasPictograms: bool(a.signage.pictograms), hasTactileRoomNames: bool(a.signage.tactile) });
  const accessibility = compact({
    entrances: entrances.length > 0 ? entrances : undefined,
    availableEquipment: elevator,
    restrooms: a.accessibleToilet === 'unknown' ? undefined : [{ isAccessibleWithWheelchair: a.accessibleToilet === 'yes' }],
    signageSystems: Object.keys(signage).length > 0 ? [signage] : undefined,
    hasInductionLoop: bool(a.hearingLoop),
    hasLowStimulusEnvironment: bool(a.quietRoom),
  });
  return {
    formatVersion: '31.1.0',
    geometry: { type: 'Point', coordinates: [office.lon, office.lat] },
    properties: compact({
      name: { de: office.name },
      category: 'social_facility',
      address: compact({
        text: { de: `${office.street} ${office.houseNumber}, ${office.postcode} ${office.city}` },
        street: { de: office.street },
        house: { de: office.houseNumber },
        postalCode: { de: office.postcode },
        city: { de: office.city },
        countryCode: 'DEU',
        /** The office's floor: 0 ground floor. */
        levelIndex: a.floor ?? undefined,
      }),
      phoneNumber: office.phone || undefined,
      emailAddress: office.email || undefined,
      placeWebsiteUrl: office.web || undefined,
      originalId: office.id,
      accessibility,
    }),
  };
}
